import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setRuntimeEnv } from "../lib/env";
import { childLogger } from "../lib/log";
import { startSimServer, type SimServer } from "../lib/sim";
import { useTestDatabase } from "../lib/testing/use-test-database";
import type { AnyJobDefinition } from "./define-job";
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
});
