import { findTrailEvents, getAssumeRoleTimeSeries } from "@/lib/cloudtrail";
import { getServerDatabase, type Db } from "@/lib/db";
import { getCachedMigrationStatus, getHealth, unreachableHealth, type Health } from "@/lib/health";
import { countEntitiesAsOf, findSnapshotHistory, getSnapshotReport, type SnapshotReport } from "@/lib/inventory";
import { getLatestReadableSnapshot } from "@/lib/snapshot";
import { activityRange } from "./activity-range";

/** The kinds the dashboard totals, in the order it shows them. */
export const DASHBOARD_KINDS = [
  "ACCOUNT",
  "IDC_USER",
  "IDC_GROUP",
  "PERMISSION_SET",
  "ACCOUNT_ASSIGNMENT",
  "IAM_ROLE",
  "IAM_USER",
] as const;
export type DashboardKind = (typeof DASHBOARD_KINDS)[number];

export const RECENT_RUN_COUNT = 5;

export interface LatestSnapshot {
  id: number;
  status: SnapshotReport["status"];
  source: SnapshotReport["source"];
  asOf: Date;
  durationMs: number | null;
  errorCount: number;
  /** accounts with at least one collection error: their data is carried over from an older snapshot */
  accountsWithErrors: string[];
  totals: Record<DashboardKind, number>;
}

export interface RecentRun {
  id: number;
  status: SnapshotReport["status"];
  startedAt: Date;
  durationMs: number | null;
  errorCount: number;
  failure: string | null;
}

/** One day of the sparkline: plain strings and numbers, so it crosses to the client as is. */
export interface ActivityDay {
  /** YYYY-MM-DD, UTC */
  day: string;
  calls: number;
  failed: number;
}

export interface CloudTrailSummary {
  newestEventAt: Date | null;
  storedEvents: number;
  from: Date;
  to: Date;
  activity: ActivityDay[];
}

/** The system health card's checks; an unreachable database is a result, not a failure. */
export async function loadHealth(): Promise<Health> {
  const { db, url } = await getServerDatabase();
  return getHealth({ db, databaseUrl: url, migrationStatus: getCachedMigrationStatus }).catch(() => unreachableHealth());
}

export async function loadLatestSnapshot(db: Db): Promise<LatestSnapshot | null> {
  const snapshot = await getLatestReadableSnapshot(db);
  if (!snapshot) return null;
  const [report, totals] = await Promise.all([getSnapshotReport(db, snapshot.id), countEntitiesAsOf(db, snapshot.id, DASHBOARD_KINDS)]);
  return {
    id: report.id,
    status: report.status,
    source: report.source,
    asOf: report.asOf,
    durationMs: report.durationMs,
    errorCount: report.errors.length,
    accountsWithErrors: [...new Set(report.errors.flatMap((error) => (error.accountId ? [error.accountId] : [])))].sort(),
    totals,
  };
}

export async function loadRecentRuns(db: Db): Promise<RecentRun[]> {
  const history = await findSnapshotHistory(db, { sort: "id", dir: "desc", page: 1, pageSize: RECENT_RUN_COUNT });
  return history.rows.map(({ id, status, startedAt, durationMs, errorCount, failure }) => ({
    id,
    status,
    startedAt,
    durationMs,
    errorCount,
    failure,
  }));
}

export async function loadCloudTrail(db: Db, now: Date): Promise<CloudTrailSummary> {
  const { from, to } = activityRange(now);
  const [newest, series] = await Promise.all([
    findTrailEvents(db, { page: { page: 1, pageSize: 1 } }),
    getAssumeRoleTimeSeries(db, { from, to, bucket: "day" }),
  ]);
  return {
    newestEventAt: newest.items[0]?.eventTime ?? null,
    storedEvents: newest.total,
    from,
    to,
    activity: series.map((p) => ({ day: p.t.slice(0, 10), calls: p.assumeRole + p.assumeRoleWithSaml, failed: p.failed })),
  };
}
