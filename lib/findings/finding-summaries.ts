import type { Db } from "../db";
import { raw, sql } from "../snapshot";
import { effectiveStatus } from "./effective-status";
import { emptySeverityCounts, fromDbSeverity } from "./severity";
import type { Severity } from "./types";

/** Open (open or reopened, expired suppressions included) findings by severity. */
export async function countOpenFindingsBySeverity(db: Db, now: Date = new Date()): Promise<Record<Severity, number>> {
  const rows = await db.$queryRaw<Array<{ severity: string; count: number }>>(
    sql`SELECT ${raw(`f."severity"`)}::text AS severity, count(*)::int AS count FROM "Finding" f
        WHERE ${effectiveStatus(now)} IN ('open', 'reopened') GROUP BY 1`,
  );
  const counts = emptySeverityCounts();
  for (const row of rows) counts[fromDbSeverity(row.severity)] = row.count;
  return counts;
}

export interface FindingsTrendPoint {
  snapshotId: number;
  asOf: Date;
  evaluatedAt: Date;
  open: Record<Severity, number>;
  new: number;
  resolved: number;
  reopened: number;
}

/** Open findings after each evaluated snapshot, oldest first (the last `limit` snapshots). */
export async function getOpenFindingsTrend(db: Db, limit = 90): Promise<FindingsTrendPoint[]> {
  const rows = await db.findingEvaluation.findMany({ orderBy: { snapshotId: "desc" }, take: Math.min(Math.max(limit, 1), 1000) });
  return rows.reverse().map((row) => {
    const counts = (row.counts ?? {}) as Partial<Omit<FindingsTrendPoint, "snapshotId" | "asOf" | "evaluatedAt">>;
    return {
      snapshotId: row.snapshotId,
      asOf: row.asOf,
      evaluatedAt: row.evaluatedAt,
      open: { ...emptySeverityCounts(), ...counts.open },
      new: counts.new ?? 0,
      resolved: counts.resolved ?? 0,
      reopened: counts.reopened ?? 0,
    };
  });
}
