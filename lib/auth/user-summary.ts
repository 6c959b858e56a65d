import type { AuthMethod, Role } from "../db/generated/enums";
import { roleName, type RoleName } from "./roles";

/** The shape of a user anywhere outside lib/auth: no hashes, secrets or tokens can leak through it. */
export type UserSummary = {
  id: string;
  username: string | null;
  name: string;
  email: string;
  role: RoleName;
  method: AuthMethod;
  isTotpEnrolled: boolean;
  lockedUntil: Date | null;
  failedLoginCount: number;
  createdAt: Date;
};

export const USER_SUMMARY_SELECT = {
  id: true,
  username: true,
  name: true,
  email: true,
  role: true,
  isLocal: true,
  twoFactorEnabled: true,
  lockedUntil: true,
  failedLoginCount: true,
  createdAt: true,
} as const;

type SelectedUser = {
  id: string;
  username: string | null;
  name: string;
  email: string;
  role: Role;
  isLocal: boolean;
  twoFactorEnabled: boolean | null;
  lockedUntil: Date | null;
  failedLoginCount: number;
  createdAt: Date;
};

export function toUserSummary(user: SelectedUser): UserSummary {
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    email: user.email,
    role: roleName(user.role),
    method: user.isLocal ? "LOCAL" : "OIDC",
    isTotpEnrolled: user.twoFactorEnabled === true,
    lockedUntil: user.lockedUntil,
    failedLoginCount: user.failedLoginCount,
    createdAt: user.createdAt,
  };
}
