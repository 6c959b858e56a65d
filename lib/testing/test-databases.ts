import { createHash, randomBytes } from "node:crypto";
import pg from "pg";
import { readMigrationList } from "../db";
import { applyMigrations } from "../db";
import { poolConfigFromUrl } from "../db";

/** A URL for another database on the same server. */
export function withDatabaseName(databaseUrl: string, name: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withClient<T>(databaseUrl: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(poolConfigFromUrl(databaseUrl));
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/**
 * A fully migrated template database named after a hash of the migrations, so each test file's
 * database is a cheap CREATE DATABASE … TEMPLATE copy instead of a fresh migration run.
 */
export async function prepareTemplateDatabase(serverUrl: string): Promise<string> {
  const migrations = await readMigrationList();
  const hash = createHash("sha256").update(JSON.stringify(migrations.migrationDirectories)).digest("hex");
  const name = `vigil_template_${hash.slice(0, 16)}`;
  await withClient(serverUrl, async (client) => {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount) return;
    const building = `${name}_build_${randomBytes(4).toString("hex")}`;
    await client.query(`CREATE DATABASE "${building}"`);
    await applyMigrations(withDatabaseName(serverUrl, building));
    // Renamed only once complete, so a half-migrated template is never reused.
    await client.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`).catch(async (error) => {
      await client.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
      const raced = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
      if (!raced.rowCount) throw error;
    });
  });
  return name;
}

export async function createDatabaseFromTemplate(serverUrl: string, template: string): Promise<string> {
  const name = `vigil_test_${randomBytes(6).toString("hex")}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  return withDatabaseName(serverUrl, name);
}

export async function dropDatabase(serverUrl: string, databaseUrl: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
