import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { startPausableTcpProxy, type PausableTcpProxy } from "../testing/pausable-tcp-proxy";
import { startSilentTcpServer, type SilentTcpServer } from "../testing/silent-tcp-server";
import { useTestDatabase } from "../testing/use-test-database";
import { createDb, type PrismaClient } from "./client";
import { poolConfigFromUrl } from "./pg-config";

const database = useTestDatabase();
const SHORT = { statementTimeoutMs: 300, connectTimeoutMs: 300 };
const cleanups: Array<() => Promise<unknown>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
});

function shortTimeoutDb(url: string): PrismaClient {
  const db = createDb(url, { maxConnections: 2, timeouts: SHORT });
  cleanups.push(() => db.$disconnect());
  return db;
}

describe("database pools never wait forever", () => {
  it("cancels a statement stuck behind a lock with statement_timeout", async () => {
    // Given another session holding an exclusive lock on a table
    const locker = new pg.Client(poolConfigFromUrl(database.url));
    await locker.connect();
    cleanups.push(() => locker.end());
    await locker.query(`BEGIN; LOCK TABLE "WorkerHeartbeat" IN ACCESS EXCLUSIVE MODE`);
    // When a pooled query needs that table, Then Postgres cancels it at the statement timeout
    await expect(shortTimeoutDb(database.url).workerHeartbeat.count()).rejects.toThrow(/statement timeout/);
    await locker.query("ROLLBACK");
  });

  it("gives up a query when the server stops answering mid-connection", async () => {
    // Given a pool whose connection goes through a proxy that then freezes
    const proxy: PausableTcpProxy = await startPausableTcpProxy(database.url);
    cleanups.push(() => proxy.close());
    const db = shortTimeoutDb(proxy.url);
    await expect(db.$queryRaw`SELECT 1 AS one`).resolves.toEqual([{ one: 1 }]);
    proxy.pause();
    // When the next query gets no answer, Then the client's own deadline fails it
    await expect(db.$queryRaw`SELECT 1 AS one`).rejects.toThrow(/Query read timeout/);
  });

  it("gives up a new connection whose server never answers the start-up", async () => {
    const silent: SilentTcpServer = await startSilentTcpServer();
    cleanups.push(() => silent.close());
    const url = `postgresql://vigil:secret@${new URL(silent.url).host}/vigil`;
    await expect(shortTimeoutDb(url).$queryRaw`SELECT 1`).rejects.toThrow(/timeout/i);
  });
});
