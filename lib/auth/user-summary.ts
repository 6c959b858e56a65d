import type { AuthMethod, Role } from "../db";
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
  /** The latest end of a sign-in delay on this account, from any address (null: none in force). */
  lockedUntil: Date | null;
  /** Failed sign-in steps still counted against the account, summed over addresses. */
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
  signInThrottles: { select: { failures: true, blockedUntil: true } },
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
  signInThrottles: Array<{ failures: number; blockedUntil: Date | null }>;
  createdAt: Date;
};

export function toUserSummary(user: SelectedUser, now: Date = new Date()): UserSummary {
  const delays = user.signInThrottles
    .map((throttle) => throttle.blockedUntil)
    .filter((until): until is Date => until !== null && until > now);
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    email: user.email,
    role: roleName(user.role),
    method: user.isLocal ? "LOCAL" : "OIDC",
    isTotpEnrolled: user.twoFactorEnabled === true,
    lockedUntil: delays.length ? new Date(Math.max(...delays.map((until) => until.getTime()))) : null,
    failedLoginCount: user.signInThrottles.reduce((sum, throttle) => sum + throttle.failures, 0),
    createdAt: user.createdAt,
  };
}
