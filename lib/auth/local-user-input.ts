import { z } from "zod";
import { ROLE_NAMES } from "./roles";

/** better-auth's username plugin accepts 3–30 of [a-z0-9_.] and lower-cases; so do we, up front. */
export const USERNAME_SCHEMA = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9_.]{3,30}$/, "must be 3–30 characters: letters, digits, '_' or '.'");

export const ROLE_NAME_SCHEMA = z.enum(ROLE_NAMES, {
  error: () => `must be one of ${ROLE_NAMES.join(", ")}`,
});

export const LOCAL_USER_INPUT = z.object({
  username: USERNAME_SCHEMA,
  role: ROLE_NAME_SCHEMA,
  email: z.string().trim().toLowerCase().email().optional(),
});

export type LocalUserInput = z.input<typeof LOCAL_USER_INPUT>;

/** better-auth requires a unique email; local accounts without one get an address that cannot exist. */
export function placeholderEmail(username: string): string {
  return `${username}@local.vigil.invalid`;
}
