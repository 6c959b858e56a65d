import { applyMigrations, createDb, resolveDatabase, type PrismaClient } from "../lib/db";

/**
 * Runs a CLI command against the configured database (DATABASE_URL or the embedded default),
 * migrated to the latest schema, and releases everything afterwards.
 */
export async function withDatabase<T>(use: (context: { db: PrismaClient; url: string }) => Promise<T>): Promise<T> {
  const database = await resolveDatabase();
  try {
    await applyMigrations(database.url);
    const db = createDb(database.url, { maxConnections: 4 });
    try {
      return await use({ db, url: database.url });
    } finally {
      await db.$disconnect();
    }
  } finally {
    await database.stop();
  }
}
