import { afterEach, describe, expect, it } from "vitest";
import { getWorkerLiveness, recordHeartbeat } from "../lib/health";
import { useTestDatabase } from "../lib/testing/use-test-database";
import { closeJobQueueClients, enqueueJob } from "./enqueue-job";
import { openJobQueueClient } from "./job-queue-client";
import { JOBS } from "./registry";
import { waitFor } from "../lib/testing/wait-for";
import { findBossJobs } from "./testing/pgboss-jobs";
import { everyMinuteSchedule, makeRecordingJob, type RecordedRun } from "./testing/test-jobs";
import { startWorker, type WorkerHandle } from "./worker";

const database = useTestDatabase();
const running: WorkerHandle[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((worker) => worker.stop()));
  await closeJobQueueClients();
});

async function startTestWorker(options: Omit<Parameters<typeof startWorker>[0], "databaseUrl">) {
  const worker = await startWorker({
    databaseUrl: database.url,
    pollingIntervalSeconds: 0.5,
    cronMonitorIntervalSeconds: 1,
    cronWorkerIntervalSeconds: 1,
    stopTimeoutMs: 5_000,
    ...options,
  });
  running.push(worker);
  return worker;
}

function assertNoOverlap(runs: RecordedRun[]) {
  const sorted = [...runs].sort((a, b) => a.startedAt - b.startedAt);
  for (let i = 1; i < sorted.length; i += 1) {
    expect(sorted[i]!.startedAt, `run ${sorted[i]!.jobId} started before ${sorted[i - 1]!.jobId} ended`).toBeGreaterThanOrEqual(
      sorted[i - 1]!.endedAt,
    );
  }
}

async function settled(queue: string) {
  return waitFor(`${queue} to drain`, async () => {
    const jobs = await findBossJobs(database.db, queue);
    return jobs.length > 0 && jobs.every((job) => ["completed", "failed"].includes(job.state)) && jobs;
  });
}

describe("worker", () => {
  it("runs a stately job once at a time across two workers, however often it is sent and scheduled", async () => {
    // Given two workers, three handlers each, both scheduling the job every minute (fires at start)
    const runs: RecordedRun[] = [];
    const name = "test-stately";
    const workers = ["a", "b"].map((worker) => ({
      job: makeRecordingJob({ name, policy: "stately", worker, runs, durationMs: 300, localConcurrency: 3 }),
      worker,
    }));
    await Promise.all(workers.map(({ job }) => startTestWorker({ jobs: [job], schedules: [everyMinuteSchedule(job, "org")] })));

    // When the same singleton run is sent ten times at once, from two connections
    const clients = await Promise.all([openJobQueueClient(database.url), openJobQueueClient(database.url)]);
    const ids = await Promise.all(Array.from({ length: 10 }, (_, i) => clients[i % 2]!.send(workers[0]!.job, { key: "org" })));
    await Promise.all(clients.map((client) => client.close()));
    // …and the schedule has fired (pg-boss's send-it queue turns the cron tick into a job)
    await waitFor("the scheduled run", async () =>
      (await findBossJobs(database.db, "__pgboss__send-it")).some((job) => job.state === "completed"),
    );
    const jobs = await settled(name);

    // Then runs never overlap, and each accepted job ran exactly once
    const accepted = ids.filter((id): id is string => id !== null);
    expect(accepted.length).toBeGreaterThanOrEqual(1);
    expect(accepted.length).toBeLessThan(10);
    assertNoOverlap(runs);
    expect(new Set(runs.map((run) => run.jobId)).size).toBe(runs.length);
    expect(runs.map((run) => run.jobId).sort()).toEqual(
      jobs
        .filter((job) => job.state === "completed")
        .map((job) => job.id)
        .sort(),
    );
    for (const id of accepted) expect(runs.some((run) => run.jobId === id)).toBe(true);
    expect(jobs.every((job) => job.singletonKey === "org")).toBe(true);
  });

  it("queues every singleton run but never runs two with the same key at once", async () => {
    const runs: RecordedRun[] = [];
    const name = "test-singleton";
    const jobA = makeRecordingJob({ name, policy: "singleton", worker: "a", runs, durationMs: 150, localConcurrency: 3 });
    const jobB = makeRecordingJob({ name, policy: "singleton", worker: "b", runs, durationMs: 150, localConcurrency: 3 });
    await Promise.all([startTestWorker({ jobs: [jobA], schedules: [] }), startTestWorker({ jobs: [jobB], schedules: [] })]);

    const client = await openJobQueueClient(database.url);
    const ids = await Promise.all(Array.from({ length: 8 }, (_, i) => client.send(jobA, { key: i % 2 ? "account-1" : "account-2" })));
    await client.close();
    await settled(name);

    expect(ids.every((id) => id !== null)).toBe(true);
    expect(runs).toHaveLength(8);
    expect(new Set(runs.map((run) => run.jobId)).size).toBe(8);
    assertNoOverlap(runs.filter((run) => run.key === "account-1"));
    assertNoOverlap(runs.filter((run) => run.key === "account-2"));
  });

  it("marks FAILED a CloudTrail ingest run left RUNNING by a dead process before taking work", async () => {
    // Given an ingest run whose process died: RUNNING, lease lapsed
    const lapsed = new Date(Date.now() - 60_000);
    const run = await database.db.cloudTrailIngestRun.create({ data: { source: "LOOKUP_EVENTS", leaseExpiresAt: lapsed } });
    // When a worker starts
    await startTestWorker({ jobs: [], schedules: [] });
    // Then the run is over, with the reason recorded
    const after = await database.db.cloudTrailIngestRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(after.status).toBe("FAILED");
    expect(JSON.stringify(after.errors)).toContain("Abandoned");
  });

  it("beats while running and removes its heartbeat when stopped", async () => {
    const worker = await startTestWorker({ jobs: [], schedules: [], heartbeatIntervalMs: 200 });
    const first = await database.db.workerHeartbeat.findUniqueOrThrow({ where: { id: worker.workerId } });
    const later = await waitFor("a second heartbeat", async () => {
      const row = await database.db.workerHeartbeat.findUniqueOrThrow({ where: { id: worker.workerId } });
      return row.beatAt.getTime() > first.beatAt.getTime() && row;
    });
    expect(later.pid).toBe(process.pid);
    expect((await getWorkerLiveness(database.db)).ok).toBe(true);

    await worker.stop();
    expect(await database.db.workerHeartbeat.findUnique({ where: { id: worker.workerId } })).toBeNull();
  });

  it("prunes heartbeats of workers gone for a day when the prune-heartbeats job runs", async () => {
    // Given a worker that stopped beating two days ago, and one beating now
    await recordHeartbeat(database.db, { workerId: "gone", hostname: "old-host", pid: 1 });
    await database.db.$executeRaw`UPDATE "WorkerHeartbeat" SET "beatAt" = "beatAt" - interval '2 days' WHERE id = 'gone'`;
    await recordHeartbeat(database.db, { workerId: "alive", hostname: "host", pid: 2 });
    await startTestWorker({ jobs: JOBS, schedules: [] });

    // When the job is enqueued on demand
    const id = await enqueueJob("prune-heartbeats", {}, { databaseUrl: database.url });
    expect(id).not.toBeNull();
    await settled("prune-heartbeats");

    // Then only the stale row is gone
    const ids = (await database.db.workerHeartbeat.findMany()).map((row) => row.id);
    expect(ids).toContain("alive");
    expect(ids).not.toContain("gone");
    const [job] = await findBossJobs(database.db, "prune-heartbeats");
    expect(job).toMatchObject({ state: "completed", singletonKey: "prune-heartbeats", output: { deleted: 1 } });
  });
});
