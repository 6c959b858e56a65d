import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { PrismaClient } from "../db";

/** better-auth usernames allow only [a-z0-9_.], hence not "demo-admin". */
export const DEMO_ADMIN_USERNAME = "demo_admin";

export type DemoAdmin = { username: string; password: string; totpSecret: string; otpauthUri: string };

type Credentials = { password: string; totpSecret: string; otpauthUri: string };
type AuthModule = {
  createLocalUser(db: PrismaClient, input: { username: string; role: "admin" }): Promise<Credentials>;
  /** Preferred when lib/auth offers it: keeps the user (and its audit trail), new password + TOTP. */
  resetLocalUserCredentials?(db: PrismaClient, ref: { username: string }): Promise<Credentials>;
};

const AUTH_ENTRY = path.resolve(import.meta.dirname, "../auth/index.ts");

/**
 * Creates the demo admin, or gives an existing one a new password and TOTP secret, so the
 * credentials `vigil demo` prints always work. Null when lib/auth is not available.
 */
export async function provisionDemoAdmin(db: PrismaClient): Promise<DemoAdmin | null> {
  if (!existsSync(AUTH_ENTRY)) return null;
  const auth = (await import(pathToFileURL(AUTH_ENTRY).href)) as AuthModule;
  const username = DEMO_ADMIN_USERNAME;
  const existing = await db.user.findFirst({ where: { username }, select: { id: true, isLocal: true } });
  if (existing && auth.resetLocalUserCredentials) {
    return { username, ...pick(await auth.resetLocalUserCredentials(db, { username })) };
  }
  if (existing) {
    if (!existing.isLocal) throw new Error(`user "${username}" exists and is not a local account; not touching it`);
    // Without a credential-reset API, the throwaway demo account is recreated (sessions cascade).
    await db.user.delete({ where: { id: existing.id } });
  }
  return { username, ...pick(await auth.createLocalUser(db, { username, role: "admin" })) };
}

function pick(credentials: Credentials): Credentials {
  return { password: credentials.password, totpSecret: credentials.totpSecret, otpauthUri: credentials.otpauthUri };
}
