import type { Db } from "../db";

/** A worker beats this often; /api/health calls it gone after WORKER_STALE_AFTER_SECONDS. */
export const HEARTBEAT_INTERVAL_MS = 15_000;
export const WORKER_STALE_AFTER_SECONDS = 45;

export type WorkerIdentity = { workerId: string; hostname: string; pid: number };

// Times come from the database clock, not the worker's: web and workers may run on machines whose
// clocks disagree. Prisma keeps DateTime as UTC in `timestamp(3)`, hence `now() AT TIME ZONE 'UTC'`.

/** Records that this worker is alive (creating its row on the first beat). */
export async function recordHeartbeat(db: Db, worker: WorkerIdentity): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "WorkerHeartbeat" ("id", "hostname", "pid", "startedAt", "beatAt")
    VALUES (${worker.workerId}, ${worker.hostname}, ${worker.pid}, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
    ON CONFLICT ("id") DO UPDATE SET "beatAt" = now() AT TIME ZONE 'UTC'`;
}

/** A worker that stops cleanly says so, rather than looking alive until its beat goes stale. */
export async function removeHeartbeat(db: Db, workerId: string): Promise<void> {
  await db.workerHeartbeat.deleteMany({ where: { id: workerId } });
}

/** Deletes rows of workers that stopped beating more than `olderThanSeconds` ago; returns how many. */
export async function pruneHeartbeats(db: Db, input: { olderThanSeconds: number }): Promise<number> {
  return db.$executeRaw`
    DELETE FROM "WorkerHeartbeat"
    WHERE "beatAt" < (now() AT TIME ZONE 'UTC') - make_interval(secs => ${input.olderThanSeconds}::float8)`;
}

export type WorkerLiveness = {
  ok: boolean;
  lastBeatAt: string | null;
  ageSeconds: number | null;
  /** Workers that beat within the stale window. */
  liveWorkers: number;
};

export async function getWorkerLiveness(db: Db, staleAfterSeconds = WORKER_STALE_AFTER_SECONDS): Promise<WorkerLiveness> {
  const rows = await db.$queryRaw<Array<{ lastBeatAt: Date | null; ageSeconds: number | null; live: number }>>`
    SELECT max("beatAt") AS "lastBeatAt",
           extract(epoch FROM (now() AT TIME ZONE 'UTC') - max("beatAt"))::float8 AS "ageSeconds",
           count(*) FILTER (
             WHERE "beatAt" >= (now() AT TIME ZONE 'UTC') - make_interval(secs => ${staleAfterSeconds}::float8)
           )::int AS "live"
    FROM "WorkerHeartbeat"`;
  const row = rows[0];
  const ageSeconds = row?.ageSeconds == null ? null : Math.max(0, Math.round(row.ageSeconds));
  return {
    ok: (row?.live ?? 0) > 0,
    lastBeatAt: row?.lastBeatAt ? row.lastBeatAt.toISOString() : null,
    ageSeconds,
    liveWorkers: row?.live ?? 0,
  };
}
