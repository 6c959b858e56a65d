import { afterEach, describe, expect, it } from "vitest";
import { MAX_TIMEOUT_ATTEMPTS, resolveAwsConfig } from "../aws";
import { startSilentTcpServer, type SilentTcpServer } from "../testing/silent-tcp-server";
import { useTestDatabase } from "../testing/use-test-database";
import { takeLiveSnapshot } from "./take-live-snapshot";
import { tryAcquireWriterLock } from "./writer-lock";

const database = useTestDatabase();
let endpoint: SilentTcpServer | undefined;

afterEach(async () => {
  await endpoint?.close();
  endpoint = undefined;
});

const configFor = (url: string, timeoutMs: number, maxAttempts = 2) =>
  resolveAwsConfig({
    endpoint: url,
    region: "us-east-1",
    timeoutMs,
    maxAttempts,
    credentials: async () => ({ accessKeyId: "AKIAVIGILTEST0000000", secretAccessKey: "test" }),
  });

async function expectWriterLockFree(): Promise<void> {
  const lock = await tryAcquireWriterLock(database.db);
  expect(lock).not.toBeNull();
  await lock?.release();
}

describe("a live snapshot against an AWS endpoint that never answers", () => {
  it("fails with a timeout error recorded and releases the writer lock", async () => {
    // Given an endpoint that accepts connections and never answers
    endpoint = await startSilentTcpServer();
    // When a snapshot reads it with a short request timeout
    const result = await takeLiveSnapshot(database.db, { config: configFor(endpoint.url, 200) });
    // Then the run ended FAILED with the timeout recorded against the call that hung
    expect(result.status).toBe("FAILED");
    const row = await database.db.snapshot.findUniqueOrThrow({ where: { id: result.id }, include: { errors: true } });
    expect(row.status).toBe("FAILED");
    expect(row.errors).toEqual([
      expect.objectContaining({ service: "organizations", operation: "DescribeOrganization", code: "TimeoutError" }),
    ]);
    expect(row.errors[0]?.message).toMatch(/requestTimeout/);
    // And another writer can start
    await expectWriterLockFree();
  });

  it("retries a timed-out call once, not up to maxAttempts, so a silent endpoint costs two timeouts", async () => {
    endpoint = await startSilentTcpServer();
    const result = await takeLiveSnapshot(database.db, { config: configFor(endpoint.url, 200, 8) });
    expect(result.status).toBe("FAILED");
    expect(endpoint.connectionCount()).toBe(MAX_TIMEOUT_ATTEMPTS);
  });

  it("aborts the in-flight call when the run's signal is aborted, and fails with the abort reason", async () => {
    // Given an endpoint that never answers and a timeout far beyond the test
    endpoint = await startSilentTcpServer();
    const controller = new AbortController();
    const running = takeLiveSnapshot(database.db, { config: configFor(endpoint.url, 600_000), signal: controller.signal });
    // When the job is aborted while its first AWS call is waiting for an answer
    await endpoint.firstConnection;
    controller.abort(new Error("job snapshot exceeded 3600s"));
    // Then the SDK dropped the connection, and the run ended FAILED with the reason
    await endpoint.firstConnectionClosed;
    const result = await running;
    expect(result.status).toBe("FAILED");
    expect(result.failure).toBe("job snapshot exceeded 3600s");
    const row = await database.db.snapshot.findUniqueOrThrow({ where: { id: result.id } });
    expect(row).toMatchObject({ status: "FAILED", failure: "job snapshot exceeded 3600s" });
    await expectWriterLockFree();
  });
});
