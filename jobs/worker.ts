import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import PgBoss from "pg-boss";
import { boundedPoolConfig, createDb, dbTimeoutsFromEnv } from "../lib/db";
import { env } from "../lib/env";
import { HEARTBEAT_INTERVAL_MS, recordHeartbeat, removeHeartbeat } from "../lib/health";
import { childLogger } from "../lib/log";
import { recoverAbandonedIngestRuns } from "../lib/cloudtrail";
import { recoverAbandonedSnapshots } from "../lib/snapshot";
import { runPolicyOf, type AnyJobDefinition } from "./define-job";
import { ensureQueue, PGBOSS_SCHEMA } from "./queues";
import { JOBS } from "./registry";
import { createJobRunner, type InFlightRuns } from "./run-job";
import { buildSchedules, type ScheduleSpec } from "./schedules";

export type WorkerOptions = {
  databaseUrl: string;
  /** Handlers per queue in this process, unless a job sets its own localConcurrency. */
  concurrency?: number;
  jobs?: readonly AnyJobDefinition[];
  schedules?: readonly ScheduleSpec[];
  /** How long stop() lets running handlers finish before failing them (they are then retried). */
  stopTimeoutMs?: number;
  /** How often some worker fails jobs whose expiry passed (e.g. their worker was killed). */
  maintenanceIntervalSeconds?: number;
  pollingIntervalSeconds?: number;
  /** How often schedules are evaluated (pg-boss default 30 s) and due runs queued (default 5 s). */
  cronMonitorIntervalSeconds?: number;
  cronWorkerIntervalSeconds?: number;
  heartbeatIntervalMs?: number;
};

/**
 * Signals are the process owner's business: `vigil worker` / `vigil demo` call stop() on
 * SIGINT/SIGTERM (cli/shutdown-signals.ts), then stop the embedded database.
 */
export type WorkerHandle = {
  workerId: string;
  /** Graceful: stops fetching, waits for running handlers (up to stopTimeoutMs), then closes. */
  stop(): Promise<void>;
  /** Settles once the worker has fully stopped, however the stop was triggered. */
  stopped: Promise<void>;
};

/**
 * Runs Vigil's jobs on pg-boss in the application database (schema `pgboss`). Any number of
 * workers may run against one database: queue policies and singleton keys are enforced by
 * Postgres, schedules fire once per tick cluster-wide, and maintenance (expiring jobs of dead
 * workers) runs on one worker at a time.
 */
export async function startWorker(options: WorkerOptions): Promise<WorkerHandle> {
  const settings = env();
  const jobs = options.jobs ?? JOBS;
  const schedules = options.schedules ?? buildSchedules(settings);
  const concurrency = options.concurrency ?? settings.VIGIL_WORKER_CONCURRENCY;
  const workerId = randomUUID();
  const log = childLogger("worker", { workerId });
  const identity = { workerId, hostname: hostname(), pid: process.pid };

  const db = createDb(options.databaseUrl, { maxConnections: concurrency + 2 });
  // A snapshot writer killed with its worker leaves its snapshot RUNNING; undo it before taking work.
  const recovered = await recoverAbandonedSnapshots(db);
  if (recovered.length) log.warn({ snapshotIds: recovered }, "rolled back snapshots abandoned by a dead writer");
  const recoveredRuns = await recoverAbandonedIngestRuns(db);
  if (recoveredRuns.length) log.warn({ ingestRunIds: recoveredRuns }, "marked FAILED CloudTrail ingest runs abandoned by a dead process");
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    schema: PGBOSS_SCHEMA,
    application_name: "vigil-worker",
    max: Math.max(4, concurrency + 2),
    // pg-boss hands its options to pg.Pool, so the application's query and connect timeouts apply to it too.
    ...boundedPoolConfig(dbTimeoutsFromEnv()),
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 60,
    ...definedOnly({
      pollingIntervalSeconds: options.pollingIntervalSeconds,
      cronMonitorIntervalSeconds: options.cronMonitorIntervalSeconds,
      cronWorkerIntervalSeconds: options.cronWorkerIntervalSeconds,
    }),
  });
  boss.on("error", (error) => log.error({ err: error }, "pg-boss error"));
  const inFlight: InFlightRuns = new Set();
  const enqueue = async (next: AnyJobDefinition, payload: unknown): Promise<string | null> => {
    const data = next.schema.parse(payload) as object;
    await ensureQueue(boss, next);
    return boss.send(next.name, data, runPolicyOf(next, data));
  };

  await boss.start();
  for (const job of jobs) {
    await ensureQueue(boss, job);
    const runner = createJobRunner(job, { db, log, inFlight, enqueue });
    const handlers = job.options.localConcurrency ?? concurrency;
    // pg-boss 10 has no localConcurrency: each work() registration is one polling handler.
    for (let i = 0; i < handlers; i += 1) {
      await boss.work(job.name, { batchSize: 1, includeMetadata: true }, runner);
    }
  }
  await applySchedules(boss, jobs, schedules, log);

  const beat = () => recordHeartbeat(db, identity).catch((error: unknown) => log.warn({ err: error }, "heartbeat failed"));
  await beat();
  const heartbeat = setInterval(beat, options.heartbeatIntervalMs ?? HEARTBEAT_INTERVAL_MS);
  heartbeat.unref();
  log.info({ jobs: jobs.map((job) => job.name), concurrency }, "worker started");

  let resolveStopped: () => void = () => {};
  const stopped = new Promise<void>((resolve) => (resolveStopped = resolve));
  let stopping: Promise<void> | undefined;

  const stop = () => {
    stopping ??= (async () => {
      const timeout = options.stopTimeoutMs ?? 30_000;
      clearInterval(heartbeat);
      // pg-boss fails the jobs still running at the timeout; tell their handlers to give up too.
      const abortLate = setTimeout(() => inFlight.forEach((run) => run.abort(new Error("worker stopping"))), timeout);
      try {
        await boss.stop({ graceful: true, timeout, wait: true });
      } finally {
        clearTimeout(abortLate);
        await removeHeartbeat(db, workerId).catch((error: unknown) => log.warn({ err: error }, "heartbeat removal failed"));
        await db.$disconnect();
        log.info("worker stopped");
        resolveStopped();
      }
    })();
    return stopping;
  };

  return { workerId, stop, stopped };
}

/** pg-boss checks `'option' in config`, so an undefined value would override its default. */
function definedOnly<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}

async function applySchedules(
  boss: PgBoss,
  jobs: readonly AnyJobDefinition[],
  schedules: readonly ScheduleSpec[],
  log: ReturnType<typeof childLogger>,
): Promise<void> {
  const registered = new Set(jobs.map((job) => job.name));
  const wanted = new Set<string>();
  for (const spec of schedules) {
    if (!registered.has(spec.job)) {
      log.warn({ job: spec.job }, "schedule skipped: no such job is registered");
      continue;
    }
    wanted.add(spec.job);
    await boss.schedule(spec.job, spec.cron, spec.payload, { tz: spec.tz, ...spec.policy });
  }
  // A schedule dropped from schedules.ts (or whose job was removed) must stop firing.
  for (const existing of await boss.getSchedules()) {
    if (!wanted.has(existing.name) && registered.has(existing.name)) await boss.unschedule(existing.name);
  }
}
