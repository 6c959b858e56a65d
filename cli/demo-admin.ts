import { createLocalUser, type CreatedLocalUser } from "../lib/auth";
import type { PrismaClient } from "../lib/db";

/** better-auth usernames allow only [a-z0-9_.], hence not "demo-admin". */
export const DEMO_ADMIN_USERNAME = "demo_admin";

export type DemoAdmin = { username: string; password: string; totpSecret: string; otpauthUri: string };

/**
 * Creates the demo admin afresh (a re-run recreates it; sessions cascade), so the credentials
 * `vigil demo` prints always work. Refuses to touch a same-named account that is not local.
 */
export async function provisionDemoAdmin(db: PrismaClient): Promise<DemoAdmin> {
  const username = DEMO_ADMIN_USERNAME;
  const existing = await db.user.findFirst({ where: { username }, select: { id: true, isLocal: true } });
  if (existing) {
    if (!existing.isLocal) throw new Error(`user "${username}" exists and is not a local account; not touching it`);
    await db.user.delete({ where: { id: existing.id } });
  }
  const created: CreatedLocalUser = await createLocalUser(db, { username, role: "admin" });
  return { username, password: created.password, totpSecret: created.totpSecret, otpauthUri: created.otpauthUri };
}
