import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { collectOrganization, resolveAwsConfig } from "../lib/aws";
import { takeSnapshot, type SnapshotResult } from "../lib/snapshot";
import { useTestDatabase } from "../lib/testing/use-test-database";
import { startDemoSimulator, type DemoSimulator } from "./demo-simulator";

const database = useTestDatabase();
const dataDir = mkdtempSync(path.join(tmpdir(), "vigil-demo-clock-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const HOUR = 3_600_000;

async function snapshotOf(simulator: DemoSimulator): Promise<SnapshotResult> {
  const config = resolveAwsConfig({
    endpoint: simulator.aws.endpoint,
    region: simulator.aws.region,
    credentials: async () => ({ accessKeyId: simulator.aws.accessKeyId, secretAccessKey: simulator.aws.secretAccessKey }),
    credentialReport: { initialDelayMs: 0, maxDelayMs: 50 },
  });
  return takeSnapshot(database.db, { source: "LIVE", collect: (onProgress) => collectOrganization(config, { onProgress }) });
}

async function withDemoSimulator<T>(now: Date, use: (simulator: DemoSimulator) => Promise<T>): Promise<T> {
  const simulator = await startDemoSimulator({ port: 0, dataDir, now });
  if (!simulator) throw new Error("lib/sim is part of this checkout");
  try {
    return await use(simulator);
  } finally {
    await simulator.server.close();
  }
}

describe("the demo clock", () => {
  it("a restarted demo rebuilds the same organization: its snapshot writes no new version", async () => {
    // Given a first demo start that snapshots the organization
    const firstStart = new Date("2026-03-01T10:00:00.000Z");
    const first = await withDemoSimulator(firstStart, snapshotOf);
    expect(first.status).toBe("COMPLETE");
    expect(first.counts?.totals.inserted).toBeGreaterThan(100);

    // When the demo is started again, a day and a half later, and snapshots again
    const second = await withDemoSimulator(new Date(firstStart.getTime() + 36 * HOUR), snapshotOf);

    // Then nothing changed: the history is still dated from the first start
    expect(second.status).toBe("COMPLETE");
    expect(second.counts?.totals).toMatchObject({ inserted: 0, closed: 0, removed: 0 });
    expect(JSON.parse(readFileSync(path.join(dataDir, "demo-clock.json"), "utf8"))).toEqual({ anchor: firstStart.toISOString() });
  });

  it("a damaged demo-clock.json stops the start with a message naming the file and the fix", async () => {
    const damagedDir = mkdtempSync(path.join(tmpdir(), "vigil-demo-clock-bad-"));
    try {
      writeFileSync(path.join(damagedDir, "demo-clock.json"), "{ not json");
      await expect(startDemoSimulator({ port: 0, dataDir: damagedDir })).rejects.toThrow(/demo-clock\.json is not .*delete it/);
    } finally {
      rmSync(damagedDir, { recursive: true, force: true });
    }
  });
});
