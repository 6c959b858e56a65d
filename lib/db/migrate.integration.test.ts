import { createHash, randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { setRuntimeEnv } from "../env";
import { dropDatabase, withDatabaseName } from "../testing/test-databases";
import { MIGRATIONS_DIR, readMigrationList } from "./migration-files";
import { applyMigrations } from "./migrate";
import { getMigrationStatus } from "./migration-status";
import { poolConfigFromUrl } from "./pg-config";

const serverUrl = inject("serverDatabaseUrl");
let databaseUrl: string;

beforeAll(async () => {
  databaseUrl = withDatabaseName(serverUrl, `vigil_migrate_${randomBytes(5).toString("hex")}`);
  const admin = new pg.Client(poolConfigFromUrl(serverUrl));
  await admin.connect();
  await admin.query(`CREATE DATABASE "${new URL(databaseUrl).pathname.slice(1)}"`);
  await admin.end();
});

afterAll(async () => {
  if (databaseUrl) await dropDatabase(serverUrl, databaseUrl);
});

async function migrationRows() {
  const client = new pg.Client(poolConfigFromUrl(databaseUrl));
  await client.connect();
  try {
    const result = await client.query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      rolled_back_at: Date | null;
      applied_steps_count: number;
    }>("SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name");
    return result.rows;
  } finally {
    await client.end();
  }
}

describe("applyMigrations", () => {
  it("applies every migration on an empty database, then applying again is a no-op", async () => {
    const expected = (await readMigrationList()).migrationDirectories.map((dir) => dir.path);
    expect(expected.length).toBeGreaterThan(0);

    const first = await applyMigrations(databaseUrl);
    expect(first.appliedMigrationNames).toEqual(expected);

    const rowsAfterFirst = await migrationRows();
    const second = await applyMigrations(databaseUrl);
    expect(second.appliedMigrationNames).toEqual([]);
    expect(await migrationRows()).toEqual(rowsAfterFirst);
  });

  it("records history the way `prisma migrate deploy` expects it: sha256 checksums, finished, not rolled back", async () => {
    for (const row of await migrationRows()) {
      const sql = await readFile(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    const status = await getMigrationStatus(databaseUrl);
    expect(status).toMatchObject({ isUpToDate: true, pendingMigrationNames: [], failedMigrationNames: [] });
  });

  it("serialises concurrent start-ups: two processes migrating at once apply each migration once", async () => {
    const fresh = withDatabaseName(serverUrl, `vigil_migrate_${randomBytes(5).toString("hex")}`);
    const admin = new pg.Client(poolConfigFromUrl(serverUrl));
    await admin.connect();
    await admin.query(`CREATE DATABASE "${new URL(fresh).pathname.slice(1)}"`);
    await admin.end();
    try {
      const [a, b] = await Promise.all([applyMigrations(fresh), applyMigrations(fresh)]);
      const applied = [...a.appliedMigrationNames, ...b.appliedMigrationNames];
      expect(new Set(applied).size).toBe(applied.length);
      expect((await getMigrationStatus(fresh)).isUpToDate).toBe(true);
    } finally {
      await dropDatabase(serverUrl, fresh);
    }
  });

  it("is exempt from the statement timeout: a migration step may run longer than any query", async () => {
    // Given a statement timeout far shorter than a migration step
    const fresh = withDatabaseName(serverUrl, `vigil_migrate_${randomBytes(5).toString("hex")}`);
    const admin = new pg.Client(poolConfigFromUrl(serverUrl));
    await admin.connect();
    await admin.query(`CREATE DATABASE "${new URL(fresh).pathname.slice(1)}"`);
    await admin.end();
    const dir = await mkdtemp(path.join(tmpdir(), "vigil-slow-migration-"));
    await mkdir(path.join(dir, "20990101000000_slow"));
    await writeFile(path.join(dir, "20990101000000_slow", "migration.sql"), "SELECT pg_sleep(0.5);\nCREATE TABLE slow_step (id int);\n");
    setRuntimeEnv("VIGIL_DB_STATEMENT_TIMEOUT_MS", "100");
    try {
      // When it is applied, Then it completes
      expect((await applyMigrations(fresh, dir)).appliedMigrationNames).toEqual(["20990101000000_slow"]);
    } finally {
      setRuntimeEnv("VIGIL_DB_STATEMENT_TIMEOUT_MS", "");
      await rm(dir, { recursive: true, force: true });
      await dropDatabase(serverUrl, fresh);
    }
  });
});
