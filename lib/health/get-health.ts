import { getMigrationStatus, type Db, type MigrationStatus } from "../db";
import { childLogger } from "../log";
import { withDeadline } from "./with-deadline";
import { getWorkerLiveness, WORKER_STALE_AFTER_SECONDS } from "./worker-heartbeat";

export type HealthStatus = "ok" | "degraded" | "down";

/** What /api/health answers. Built field by field: it never carries the database URL or errors' text. */
export type Health = {
  status: HealthStatus;
  database: { ok: boolean; latencyMs: number | null };
  migrations: { upToDate: boolean; pending: string[] };
  worker: { ok: boolean; lastBeatAt: string | null; ageSeconds: number | null };
};

type HealthInput = {
  db: Db;
  databaseUrl: string;
  workerStaleAfterSeconds?: number;
  /** Injected so callers can cache it; the schema-engine check is the costliest part. */
  migrationStatus?: (databaseUrl: string) => Promise<MigrationStatus>;
  /** Longest each check may take; a check still waiting then counts as failed. */
  timeoutMs?: number;
};

/** Load balancers give up on a health check after a few seconds; answer before they do. */
export const HEALTH_CHECK_TIMEOUT_MS = 3_000;

const log = () => childLogger("health");

/**
 * down: the database is unreachable (nothing works). degraded: the app serves, but migrations are
 * pending/failed or no worker has beaten recently (snapshots and schedules are not running).
 */
export async function getHealth(input: HealthInput): Promise<Health> {
  const timeoutMs = input.timeoutMs ?? HEALTH_CHECK_TIMEOUT_MS;
  const database = await checkDatabase(input.db, timeoutMs);
  if (!database.ok) return unreachableHealth(database.latencyMs);

  const [migrations, worker] = await Promise.all([
    checkMigrations(input.databaseUrl, input.migrationStatus ?? getMigrationStatus, timeoutMs),
    withDeadline(
      getWorkerLiveness(input.db, input.workerStaleAfterSeconds ?? WORKER_STALE_AFTER_SECONDS),
      timeoutMs,
      "worker heartbeat check",
    ).then(
      ({ ok, lastBeatAt, ageSeconds }) => ({ ok, lastBeatAt, ageSeconds }),
      (error: unknown) => {
        log().warn({ err: error }, "worker heartbeat check failed");
        return { ok: false, lastBeatAt: null, ageSeconds: null };
      },
    ),
  ]);
  const status: HealthStatus = migrations.upToDate && worker.ok ? "ok" : "degraded";
  return { status, database, migrations, worker };
}

/** The answer when the database cannot even be resolved or reached. */
export function unreachableHealth(latencyMs: number | null = null): Health {
  return {
    status: "down",
    database: { ok: false, latencyMs },
    migrations: { upToDate: false, pending: [] },
    worker: { ok: false, lastBeatAt: null, ageSeconds: null },
  };
}

async function checkDatabase(db: Db, timeoutMs: number): Promise<Health["database"]> {
  const started = performance.now();
  try {
    await withDeadline(db.$queryRaw`SELECT 1`, timeoutMs, "database check");
    return { ok: true, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch (error) {
    log().warn({ err: error }, "database health check failed");
    return { ok: false, latencyMs: null };
  }
}

async function checkMigrations(
  databaseUrl: string,
  migrationStatus: (databaseUrl: string) => Promise<MigrationStatus>,
  timeoutMs: number,
): Promise<Health["migrations"]> {
  try {
    const status = await withDeadline(migrationStatus(databaseUrl), timeoutMs, "migration status check");
    return { upToDate: status.isUpToDate, pending: status.pendingMigrationNames };
  } catch (error) {
    log().warn({ err: error }, "migration status check failed");
    return { upToDate: false, pending: [] };
  }
}
