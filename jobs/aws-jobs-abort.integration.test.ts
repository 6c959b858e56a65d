import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setRuntimeEnv } from "../lib/env";
import { childLogger } from "../lib/log";
import { takeSnapshot } from "../lib/snapshot";
import { makeInventory } from "../lib/snapshot/testing/make-inventory";
import { startSilentTcpServer, type SilentTcpServer } from "../lib/testing/silent-tcp-server";
import { useTestDatabase } from "../lib/testing/use-test-database";
import { ingestCloudTrailJob } from "./ingest-cloudtrail";
import { snapshotJob } from "./snapshot";

const database = useTestDatabase();
let endpoint: SilentTcpServer;

beforeAll(() => {
  // The SDK's default credential chain reads these itself; the endpoint never checks them.
  process.env.AWS_ACCESS_KEY_ID = "AKIAVIGILJOBTEST0001";
  process.env.AWS_SECRET_ACCESS_KEY = "job-test-secret";
  setRuntimeEnv("AWS_REGION", "us-east-1");
  // Far beyond the test: only the abort can end the hung call.
  setRuntimeEnv("VIGIL_AWS_TIMEOUT_MS", "600000");
});

afterAll(async () => {
  await endpoint?.close();
});

async function runAbortedWhileWaiting(handler: (signal: AbortSignal) => Promise<unknown>): Promise<unknown> {
  endpoint = await startSilentTcpServer();
  setRuntimeEnv("AWS_ENDPOINT_URL", endpoint.url);
  const controller = new AbortController();
  const run = handler(controller.signal).then(
    () => new Error("the job completed"),
    (error: unknown) => error,
  );
  await endpoint.firstConnection;
  controller.abort(new Error("job exceeded its expiry"));
  await endpoint.firstConnectionClosed;
  const outcome = await run;
  await endpoint.close();
  return outcome;
}

const context = (signal: AbortSignal) => ({ db: database.db, log: childLogger("test"), jobId: "test", retryCount: 0, signal });

describe("a job's abort signal reaches its AWS calls", () => {
  it("aborting the snapshot job drops its waiting AWS request and fails the run with the reason", async () => {
    const outcome = await runAbortedWhileWaiting((signal) => snapshotJob.handler({}, context(signal)));
    expect(String(outcome)).toMatch(/failed: job exceeded its expiry/);
  });

  it("aborting the CloudTrail ingestion job drops its waiting AWS request and fails its ingest run with the reason", async () => {
    // Given a snapshot naming an account to read
    await takeSnapshot(database.db, { source: "IMPORT", collect: async () => makeInventory({ accounts: { "222222222222": ["app"] } }) });
    // When the job is aborted while its first AWS call waits, Then the request is dropped (the helper waits for it),
    // the job fails with the reason, and so does the ingest run, rather than blaming the account
    const outcome = await runAbortedWhileWaiting((signal) => ingestCloudTrailJob.handler({}, context(signal)));
    expect(String(outcome)).toMatch(/job exceeded its expiry/);
    const run = await database.db.cloudTrailIngestRun.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(run).toMatchObject({ status: "FAILED", errors: [{ code: "Error", message: "job exceeded its expiry" }] });
  });
});
