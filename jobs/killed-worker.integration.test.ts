import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../lib/testing/use-test-database";
import { openJobQueueClient } from "./job-queue-client";
import { waitFor } from "../lib/testing/wait-for";
import { findBossJobs } from "./testing/pgboss-jobs";
import { KILLED_RUN_OPTIONS, makeKillableJob } from "./testing/test-jobs";
import { startWorker } from "./worker";

const database = useTestDatabase();
const CHILD = path.join(import.meta.dirname, "testing/killable-worker-child.ts");
const children: ChildProcess[] = [];

afterAll(() => children.forEach((child) => child.kill("SIGKILL")));

type ChildMessage = { type: "ready" } | { type: "started"; jobId: string };

function forkWorker(databaseUrl: string): { child: ChildProcess; messages: ChildMessage[] } {
  const child = fork(CHILD, [databaseUrl], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, LOG_LEVEL: "warn" },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  children.push(child);
  const messages: ChildMessage[] = [];
  child.on("message", (message) => messages.push(message as ChildMessage));
  return { child, messages };
}

describe("a worker killed mid-job", () => {
  it("leaves no job active forever: it is retried by another worker after expiry, or failed when out of retries", async () => {
    // Given a worker process that picked up two slow jobs (one with a retry left, one without)
    const killed = forkWorker(database.url);
    await waitFor("child worker ready", async () => killed.messages.some((m) => m.type === "ready"), { timeoutMs: 60_000 });
    const retried = makeKillableJob("test-killed-retried", KILLED_RUN_OPTIONS.retried, async () => "second attempt");
    const failed = makeKillableJob("test-killed-failed", KILLED_RUN_OPTIONS.failed, async () => "never");
    const client = await openJobQueueClient(database.url);
    const retriedId = await client.send(retried, {});
    const failedId = await client.send(failed, {});
    await client.close();
    await waitFor("both jobs started in the child", async () => killed.messages.filter((m) => m.type === "started").length === 2);
    expect((await findBossJobs(database.db, retried.name))[0]?.state).toBe("active");

    // When that worker is SIGKILLed and another worker (fast handlers) is running
    killed.child.kill("SIGKILL");
    const survivor = await startWorker({
      databaseUrl: database.url,
      jobs: [retried, failed],
      schedules: [],
      pollingIntervalSeconds: 0.5,
      maintenanceIntervalSeconds: 1,
      stopTimeoutMs: 2_000,
    });
    try {
      // Then the job with a retry left completes on the survivor as its second attempt…
      const [done] = await waitFor(
        "the killed job to be retried",
        async () => {
          const jobs = await findBossJobs(database.db, retried.name);
          return jobs[0]?.state === "completed" && jobs;
        },
        { timeoutMs: 20_000 },
      );
      expect(done).toMatchObject({ id: retriedId, retryCount: 1, output: { value: "second attempt" } });

      // …and the one without is failed by timeout, not left active
      const [dead] = await waitFor(
        "the killed job to be failed",
        async () => {
          const jobs = await findBossJobs(database.db, failed.name);
          return jobs[0]?.state === "failed" && jobs;
        },
        { timeoutMs: 20_000 },
      );
      expect(dead).toMatchObject({ id: failedId, retryCount: 0 });
      expect(JSON.stringify(dead?.output)).toContain("timeout");
    } finally {
      await survivor.stop();
    }
  });
});
