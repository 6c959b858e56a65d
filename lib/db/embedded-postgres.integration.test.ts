import { fork, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { findRunningPostmaster } from "./embedded-cluster-files";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded-postgres";

const CHILD = path.join(import.meta.dirname, "testing/hold-embedded-postgres.ts");
const FAST_WATCH = { watchIntervalMs: 100 };
/** initdb and start-up of a fresh cluster, or a restart, take seconds on a slow machine. */
const RECOVERY = { timeout: 60_000, interval: 100 };
const cleanups: Array<() => Promise<unknown>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
});

async function freshDataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "vigil-embedded-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function use(database: Promise<EmbeddedDatabase>): Promise<EmbeddedDatabase> {
  const started = await database;
  cleanups.push(() => started.stop());
  return started;
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function holdInChild(dataDir: string): Promise<{ child: ChildProcess; url: string; isOwner: boolean }> {
  const child = fork(CHILD, [dataDir], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  cleanups.push(async () => {
    child.kill("SIGKILL");
  });
  return new Promise((resolve, reject) => {
    child.once("message", (message) => resolve({ child, ...(message as { url: string; isOwner: boolean }) }));
    child.once("exit", (code) => reject(new Error(`child exited with ${code} before reporting`)));
  });
}

const clusterDir = (dataDir: string) => path.join(dataDir, "pg", "data");

describe("one embedded Postgres shared by several Vigil processes", () => {
  it("attaches a second process to the running cluster, and when the owner exits another process starts it again", async () => {
    // Given a process (think `vigil demo`) that started the cluster
    const dataDir = await freshDataDir();
    const owner = await holdInChild(dataDir);
    expect(owner.isOwner).toBe(true);
    const ownersPostmaster = await findRunningPostmaster(clusterDir(dataDir));

    // When two more processes use the same data directory (think `vigil worker` and a CLI command)
    const worker = await use(startEmbeddedPostgres(dataDir, FAST_WATCH));
    const command = await use(startEmbeddedPostgres(dataDir, FAST_WATCH));
    // Then they attach to that cluster instead of starting another
    expect([worker.isOwner, command.isOwner]).toEqual([false, false]);
    expect([worker.url, command.url]).toEqual([owner.url, owner.url]);
    expect(await findRunningPostmaster(clusterDir(dataDir))).toEqual(ownersPostmaster);

    // And a process that did not start it leaves it running when it stops
    await command.stop();
    expect(await answers(worker.url)).toBe(true);
    expect(await findRunningPostmaster(clusterDir(dataDir))).toEqual(ownersPostmaster);

    // When the owner exits, stopping its cluster under the worker
    owner.child.kill("SIGTERM");
    await new Promise((resolve) => owner.child.once("exit", resolve));
    // Then the worker starts it again where its connection string points, and now owns it
    await vi.waitFor(async () => {
      expect(worker.isOwner).toBe(true);
      expect(await answers(worker.url)).toBe(true);
    }, RECOVERY);
    expect((await findRunningPostmaster(clusterDir(dataDir)))?.pid).not.toBe(ownersPostmaster?.pid);

    // And as the owner now, it is the one that stops it
    await worker.stop();
    expect(await findRunningPostmaster(clusterDir(dataDir))).toBeUndefined();
  });

  it("starts its own cluster again when it dies, and stopping afterwards does not wait for the dead one", async () => {
    // Given a process that started the cluster
    const dataDir = await freshDataDir();
    const database = await use(startEmbeddedPostgres(dataDir, FAST_WATCH));
    const first = await findRunningPostmaster(clusterDir(dataDir));
    expect(database.isOwner).toBe(true);
    // When its postmaster is shut down behind its back
    process.kill(first!.pid, "SIGINT");
    // Then it comes back on the same URL
    await vi.waitFor(async () => {
      const current = await findRunningPostmaster(clusterDir(dataDir));
      expect(current?.pid).not.toBe(first?.pid);
      expect(await answers(database.url)).toBe(true);
    }, RECOVERY);
    await vi.waitFor(() => expect(database.isOwner).toBe(true), RECOVERY);
    // And stop() stops the new cluster
    await database.stop();
    expect(await findRunningPostmaster(clusterDir(dataDir))).toBeUndefined();
  });
});
