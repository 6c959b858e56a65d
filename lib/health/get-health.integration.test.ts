import { describe, expect, it } from "vitest";
import { createDb } from "../db";
import { startPausableTcpProxy } from "../testing/pausable-tcp-proxy";
import { useTestDatabase } from "../testing/use-test-database";
import { getHealth } from "./get-health";
import { recordHeartbeat } from "./worker-heartbeat";

const database = useTestDatabase();

describe("getHealth", () => {
  it("is degraded while no worker has beaten, and ok once one has", async () => {
    const before = await getHealth({ db: database.db, databaseUrl: database.url });
    expect(before).toMatchObject({
      status: "degraded",
      database: { ok: true },
      migrations: { upToDate: true, pending: [] },
      worker: { ok: false, lastBeatAt: null, ageSeconds: null },
    });

    await recordHeartbeat(database.db, { workerId: "w1", hostname: "h", pid: 1 });
    const after = await getHealth({ db: database.db, databaseUrl: database.url });
    expect(after.status).toBe("ok");
    expect(after.worker.ok).toBe(true);
    expect(after.worker.ageSeconds).toBeLessThanOrEqual(1);
    expect(Date.parse(after.worker.lastBeatAt ?? "")).toBeGreaterThan(Date.now() - 60_000);
    expect(after.database.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("reports a worker whose last beat is older than the stale window as not ok", async () => {
    await recordHeartbeat(database.db, { workerId: "stale", hostname: "h", pid: 2 });
    await database.db.$executeRaw`UPDATE "WorkerHeartbeat" SET "beatAt" = "beatAt" - interval '10 minutes'`;
    const health = await getHealth({ db: database.db, databaseUrl: database.url });
    expect(health.worker.ok).toBe(false);
    expect(health.worker.ageSeconds).toBeGreaterThanOrEqual(599);
    expect(health.status).toBe("degraded");
  });

  it("is degraded and lists them when migrations are pending", async () => {
    const health = await getHealth({
      db: database.db,
      databaseUrl: database.url,
      migrationStatus: async () => ({
        isUpToDate: false,
        pendingMigrationNames: ["20990101000000_future"],
        failedMigrationNames: [],
      }),
    });
    expect(health.migrations).toEqual({ upToDate: false, pending: ["20990101000000_future"] });
    expect(health.status).toBe("degraded");
  });

  it("is down within its deadline when the database stops answering, whatever the pool's own timeouts", async () => {
    // Given a client whose pool would wait a minute, talking through a proxy that then freezes
    const proxy = await startPausableTcpProxy(database.url);
    const db = createDb(proxy.url, { maxConnections: 1, timeouts: { statementTimeoutMs: 60_000, connectTimeoutMs: 60_000 } });
    try {
      expect((await getHealth({ db, databaseUrl: proxy.url, migrationStatus: upToDate })).database.ok).toBe(true);
      proxy.pause();
      // When the health check runs with a short deadline, Then it answers down instead of waiting
      const health = await getHealth({ db, databaseUrl: proxy.url, migrationStatus: upToDate, timeoutMs: 200 });
      expect(health).toMatchObject({ status: "down", database: { ok: false, latencyMs: null } });
    } finally {
      await proxy.close();
      await db.$disconnect();
    }
  });

  it("is down, without echoing the connection string, when the database is unreachable", async () => {
    const url = "postgresql://vigil:do-not-leak@127.0.0.1:1/vigil";
    const db = createDb(url, { maxConnections: 1 });
    try {
      const health = await getHealth({ db, databaseUrl: url });
      expect(health).toEqual({
        status: "down",
        database: { ok: false, latencyMs: null },
        migrations: { upToDate: false, pending: [] },
        worker: { ok: false, lastBeatAt: null, ageSeconds: null },
      });
      expect(JSON.stringify(health)).not.toContain("do-not-leak");
    } finally {
      await db.$disconnect();
    }
  });
});

async function upToDate() {
  return { isUpToDate: true, pendingMigrationNames: [], failedMigrationNames: [] };
}
