import type { PrismaClient } from "./client";
import { createDb } from "./client";
import { applyMigrations } from "./migrate";
import { resolveDatabase } from "./resolve-database";

type ServerDb = { db: PrismaClient; url: string };
const GLOBAL_KEY = Symbol.for("vigil.serverDb");
type GlobalWithDb = typeof globalThis & { [GLOBAL_KEY]?: Promise<ServerDb> };

/**
 * The long-lived database handle of a server process (web app or worker): resolved once, migrated
 * at start-up, and kept on globalThis so Next.js dev reloads do not open new pools.
 */
export function getServerDatabase(): Promise<ServerDb> {
  const holder = globalThis as GlobalWithDb;
  holder[GLOBAL_KEY] ??= (async () => {
    const database = await resolveDatabase();
    await applyMigrations(database.url);
    return { db: createDb(database.url), url: database.url };
  })();
  holder[GLOBAL_KEY].catch(() => {
    delete holder[GLOBAL_KEY];
  });
  return holder[GLOBAL_KEY];
}

export async function getDb(): Promise<PrismaClient> {
  return (await getServerDatabase()).db;
}
