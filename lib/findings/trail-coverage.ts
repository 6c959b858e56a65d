import type { Db } from "../db";
import type { TrailCoverage } from "./finding-events";
import { DAY_MS } from "./time";

/**
 * How much earlier or later than the exact window edges the ingestion may start or stop and still
 * count as covering it: the snapshot and the ingestion run minutes apart (e.g. `vigil demo` takes the
 * snapshot, then ingests), and CloudTrail itself delivers events up to ~15 minutes late.
 */
export const COVERAGE_SLACK_MS = 60 * 60 * 1000;

/**
 * Whether ingested CloudTrail covers [windowStart, asOf] for each account. The decision, per account:
 * - up to: the LookupEvents watermarks (one per region, moved only after that region's events are
 *   committed, and never across a gap) — the account is read up to the oldest of them, which must
 *   reach the snapshot's as-of;
 * - back to: the first COMPLETE/PARTIAL LookupEvents run that read the account (it has API calls for
 *   it and no error against it) reached back `lookbackDays` from its start; S3 log-file imports
 *   count by their oldest event in the account.
 * Runs never record the window they read, so the look-back is today's setting — a documented
 * approximation (raising it later cannot reach further back than LookupEvents' 90 days anyway).
 */
export async function loadTrailCoverage(
  db: Db,
  input: { accountIds: readonly string[]; windowStart: Date; asOf: Date; lookbackDays: number },
): Promise<Map<string, TrailCoverage>> {
  const ids = [...input.accountIds];
  const coverage = new Map<string, TrailCoverage>();
  if (ids.length === 0) return coverage;
  const [watermarks, firstRuns, oldest] = await Promise.all([
    db.$queryRaw<Array<{ accountId: string; upTo: Date }>>`
      SELECT "accountId", min("lastEventTime") AS "upTo" FROM "CloudTrailWatermark" WHERE "accountId" = ANY(${ids}) GROUP BY "accountId"`,
    db.$queryRaw<Array<{ accountId: string; startedAt: Date }>>`
      SELECT a.id AS "accountId", min(r."startedAt") AS "startedAt"
      FROM unnest(${ids}::text[]) AS a(id)
      JOIN "CloudTrailIngestRun" r ON r.source = 'LOOKUP_EVENTS' AND r.status IN ('COMPLETE', 'PARTIAL')
        AND (r.stats -> 'callsPerAccount') ? a.id
        AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(COALESCE(r.errors, '[]'::jsonb)) e WHERE e ->> 'accountId' = a.id)
      GROUP BY a.id`,
    db.$queryRaw<Array<{ accountId: string; oldest: Date }>>`
      SELECT "accountId", min("eventTime") AS "oldest" FROM "CloudTrailEvent" WHERE "accountId" = ANY(${ids}) GROUP BY "accountId"`,
  ]);
  const upTo = new Map(watermarks.map((w) => [w.accountId, w.upTo]));
  const firstRun = new Map(firstRuns.map((r) => [r.accountId, r.startedAt]));
  const oldestEvent = new Map(oldest.map((o) => [o.accountId, o.oldest]));
  for (const accountId of ids) {
    const to = upTo.get(accountId) ?? null;
    const run = firstRun.get(accountId);
    const candidates = [run ? run.getTime() - input.lookbackDays * DAY_MS : null, oldestEvent.get(accountId)?.getTime() ?? null].filter(
      (t): t is number => t !== null,
    );
    const from = candidates.length > 0 ? new Date(Math.min(...candidates)) : null;
    const reachesBack = from !== null && from.getTime() <= input.windowStart.getTime() + COVERAGE_SLACK_MS;
    const reachesAsOf = to !== null && to.getTime() >= input.asOf.getTime() - COVERAGE_SLACK_MS;
    const reason = !to
      ? "CloudTrail of this account was never ingested through LookupEvents"
      : !reachesAsOf
        ? `CloudTrail is ingested only up to ${to.toISOString()}, before the snapshot`
        : !reachesBack
          ? `ingested CloudTrail starts at ${from?.toISOString() ?? "an unknown time"}, after the window's start`
          : "ingested CloudTrail covers the whole window";
    coverage.set(accountId, {
      accountId,
      covered: reachesBack && reachesAsOf,
      from: from?.toISOString() ?? null,
      to: to?.toISOString() ?? null,
      reason,
    });
  }
  return coverage;
}
