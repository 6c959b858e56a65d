import type { Db } from "@/lib/db";
import { countOpenFindingsBySeverity, getOpenFindingsTrend, type Severity } from "@/lib/findings";

/** One evaluated snapshot of the trend: plain strings and numbers, so it crosses to the client chart as is. */
export type TrendPoint = { label: string } & Record<Severity, number>;

export interface FindingsOverview {
  counts: Record<Severity, number>;
  trend: TrendPoint[];
}

/** Snapshots the dashboard's trend covers (the findings page shows more). */
const TREND_POINTS = 30;

/** Open findings per severity now, and after each of the last evaluated snapshots. */
export async function loadFindingsOverview(db: Db, now: Date): Promise<FindingsOverview> {
  const [counts, trend] = await Promise.all([countOpenFindingsBySeverity(db, now), getOpenFindingsTrend(db, TREND_POINTS)]);
  return {
    counts,
    trend: trend.map((point) => ({ label: `#${point.snapshotId} ${point.asOf.toISOString().slice(5, 10)}`, ...point.open })),
  };
}
