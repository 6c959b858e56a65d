import { randomBytes } from "node:crypto";

/** 24 URL-safe characters (144 random bits): shown once, never stored in clear. */
export function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}
