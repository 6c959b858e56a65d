import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { setRuntimeEnv } from "../lib/env";
import { childLogger } from "../lib/log";
import { startSimServer, type SimServer } from "../lib/sim";
import { useTestDatabase } from "../lib/testing/use-test-database";
import { takeSnapshot } from "../lib/snapshot";
import { makeInventory } from "../lib/snapshot/testing/make-inventory";
import { waitFor } from "../lib/testing/wait-for";
import { defineJob, type AnyJobDefinition } from "./define-job";
import { openJobQueueClient } from "./job-queue-client";
import { findBossJobs } from "./testing/pgboss-jobs";
import { startWorker } from "./worker";
import { evaluateFindingsJob } from "./evaluate-findings";
import { snapshotJob } from "./snapshot";

const database = useTestDatabase();
let sim: SimServer;

beforeAll(async () => {
  sim = await startSimServer({ scenario: "scale:3", port: 0 });
  // The SDK's default credential chain reads these itself; the simulator takes any unknown key as its admin.
  process.env.AWS_ACCESS_KEY_ID = "AKIAVIGILJOBTEST0002";
  process.env.AWS_SECRET_ACCESS_KEY = "job-test-secret";
  setRuntimeEnv("AWS_REGION", "us-east-1");
  setRuntimeEnv("AWS_ENDPOINT_URL", sim.url);
}, 60_000);

afterAll(async () => {
  await sim?.close();
});

const context = (enqueue?: (job: AnyJobDefinition, payload: unknown) => Promise<string | null>) => ({
  db: database.db,
  log: childLogger("test"),
  jobId: "test",
  retryCount: 0,
  signal: new AbortController().signal,
  enqueue,
});

describe("findings after a scheduled snapshot", () => {
  it("the snapshot job enqueues evaluate-findings for the snapshot it took, which then evaluates it once", async () => {
    const enqueue = vi.fn(async () => "job-1");
    const summary = (await snapshotJob.handler({}, context(enqueue))) as { snapshotId: number; findingsJobId: string };
    expect(enqueue).toHaveBeenCalledWith(evaluateFindingsJob, { snapshotId: summary.snapshotId });
    expect(summary.findingsJobId).toBe("job-1");

    const result = (await evaluateFindingsJob.handler({ snapshotId: summary.snapshotId }, context())) as { skipped: string | null };
    expect(result.skipped).toBeNull();
    expect(await database.db.findingEvaluation.findUnique({ where: { snapshotId: summary.snapshotId } })).not.toBeNull();
  }, 120_000);

  it("refuses a payload without a snapshot id", () => {
    expect(evaluateFindingsJob.schema.safeParse({}).success).toBe(false);
  });

  it("a worker hands its handlers an enqueue that queues the chained job on its own database", async () => {
    const snapshot = await takeSnapshot(database.db, {
      source: "LIVE",
      collect: async () => makeInventory({ accounts: { "222222222222": [] } }),
    });
    // Stands for the snapshot job: it chains evaluate-findings for "its" snapshot.
    const chaining = defineJob({
      name: "test-chain-findings",
      schema: z.object({}),
      options: { policy: "standard", run: { retryLimit: 0, retryDelaySeconds: 1, retryBackoff: false, expireInSeconds: 60 } },
      handler: async (_payload, { enqueue }) => enqueue?.(evaluateFindingsJob, { snapshotId: snapshot.id }),
    });
    const worker = await startWorker({
      databaseUrl: database.url,
      jobs: [chaining, evaluateFindingsJob],
      schedules: [],
      pollingIntervalSeconds: 0.5,
      stopTimeoutMs: 5_000,
    });
    try {
      const client = await openJobQueueClient(database.url);
      await client.send(chaining, {});
      await client.close();
      await waitFor(
        "the chained evaluate-findings run to complete",
        async () => (await findBossJobs(database.db, "evaluate-findings")).some((job) => job.state === "completed"),
        { timeoutMs: 60_000 },
      );
      expect(await database.db.findingEvaluation.findUnique({ where: { snapshotId: snapshot.id } })).not.toBeNull();
    } finally {
      await worker.stop();
    }
  }, 90_000);
});
