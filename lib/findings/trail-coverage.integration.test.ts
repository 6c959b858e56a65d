import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../testing/use-test-database";
import { DAY_MS } from "./time";
import { loadTrailCoverage } from "./trail-coverage";

const database = useTestDatabase();
const AS_OF = new Date("2026-06-01T00:00:00.000Z");
const WINDOW_START = new Date(AS_OF.getTime() - 90 * DAY_MS);
const HOUR = 3600_000;
const [COVERED, FAILED_THERE, BEHIND, NEVER, LATE_START] = ["100000000001", "100000000002", "100000000003", "100000000004", "100000000005"];

async function run(startedAt: Date, accounts: string[], errors: Array<{ accountId: string }> = []) {
  await database.db.cloudTrailIngestRun.create({
    data: {
      source: "LOOKUP_EVENTS",
      status: errors.length ? "PARTIAL" : "COMPLETE",
      startedAt,
      finishedAt: startedAt,
      stats: { callsPerAccount: Object.fromEntries(accounts.map((a) => [a, 3])) },
      errors: errors.map((e) => ({ ...e, code: "AccessDenied", message: "denied" })),
    },
  });
}

async function watermark(accountId: string, region: string, lastEventTime: Date) {
  await database.db.cloudTrailWatermark.create({ data: { accountId, region, lastEventTime } });
}

describe("CloudTrail coverage of the findings window", () => {
  it("covers an account whose first sweep reached 90 days back and whose every region is read past the as-of", async () => {
    // The snapshot was taken, then the first sweep ran a few minutes later (as `vigil demo` does).
    await run(new Date(AS_OF.getTime() + 5 * 60_000), [COVERED, FAILED_THERE, BEHIND], [{ accountId: FAILED_THERE }]);
    await run(new Date(AS_OF.getTime() + 60 * DAY_MS), [LATE_START]);
    for (const region of ["us-east-1", "eu-west-1"]) await watermark(COVERED, region, new Date(AS_OF.getTime() + 5 * 60_000));
    await watermark(FAILED_THERE, "us-east-1", new Date(AS_OF.getTime() + HOUR));
    await watermark(BEHIND, "us-east-1", new Date(AS_OF.getTime() + HOUR));
    await watermark(BEHIND, "eu-west-1", new Date(AS_OF.getTime() - 2 * DAY_MS));
    await watermark(LATE_START, "us-east-1", new Date(AS_OF.getTime() + 61 * DAY_MS));

    const coverage = await loadTrailCoverage(database.db, {
      accountIds: [COVERED, FAILED_THERE, BEHIND, NEVER, LATE_START],
      windowStart: WINDOW_START,
      asOf: AS_OF,
      lookbackDays: 90,
    });
    const verdict = (id: string) => [coverage.get(id)?.covered, coverage.get(id)?.reason];
    expect(verdict(COVERED)).toEqual([true, "ingested CloudTrail covers the whole window"]);
    // Its only sweep failed there: how far back the account was read is unknown.
    expect(verdict(FAILED_THERE)).toEqual([false, "ingested CloudTrail starts at an unknown time, after the window's start"]);
    // One region stopped two days before the snapshot.
    expect(verdict(BEHIND)).toEqual([
      false,
      `CloudTrail is ingested only up to ${new Date(AS_OF.getTime() - 2 * DAY_MS).toISOString()}, before the snapshot`,
    ]);
    expect(verdict(NEVER)).toEqual([false, "CloudTrail of this account was never ingested through LookupEvents"]);
    // First read 60 days after the snapshot: LookupEvents no longer had the window's first 60 days.
    expect(coverage.get(LATE_START)?.covered).toBe(false);
  });
});
