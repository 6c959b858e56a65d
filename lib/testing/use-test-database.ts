import { afterAll, beforeAll, inject } from "vitest";
import { createDb, type PrismaClient } from "../db";
import { createDatabaseFromTemplate, dropDatabase } from "./test-databases";

export type TestDatabase = { url: string; db: PrismaClient };

/**
 * Gives the calling test file its own migrated database, created before its tests and dropped
 * after. Read `.url` / `.db` inside tests or hooks, not at import time.
 */
export function useTestDatabase(): TestDatabase {
  const handle = {} as TestDatabase;
  const serverUrl = inject("serverDatabaseUrl");
  beforeAll(async () => {
    handle.url = await createDatabaseFromTemplate(serverUrl, inject("templateDatabase"));
    handle.db = createDb(handle.url, { maxConnections: 4 });
  });
  afterAll(async () => {
    await handle.db?.$disconnect();
    if (handle.url) await dropDatabase(serverUrl, handle.url);
  });
  return handle;
}
