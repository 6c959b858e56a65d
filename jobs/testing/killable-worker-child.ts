/**
 * A worker process for worker.integration.test.ts to SIGKILL mid-job: it runs the killable jobs
 * with a handler that reports "started" over IPC and then never finishes.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { startWorker } from "../worker";
import { KILLED_RUN_OPTIONS, makeKillableJob } from "./test-jobs";

const databaseUrl = process.argv[2];
if (!databaseUrl) throw new Error("usage: killable-worker-child <databaseUrl>");

const hang = async (jobId: string) => {
  process.send?.({ type: "started", jobId });
  await sleep(10 * 60_000);
};

await startWorker({
  databaseUrl,
  concurrency: 1,
  jobs: [
    makeKillableJob("test-killed-retried", KILLED_RUN_OPTIONS.retried, hang),
    makeKillableJob("test-killed-failed", KILLED_RUN_OPTIONS.failed, hang),
  ],
  schedules: [],
  pollingIntervalSeconds: 0.5,
});
process.send?.({ type: "ready" });
