import { z } from "zod";
import type { CollectionStats, InventoryCoverage } from "../aws";
import { ENTITY_KINDS } from "./entity-kinds";
import type { WriteCounts } from "./write-inventory";

/**
 * Schemas of the Snapshot row's JSON columns, which describe the run (take-snapshot.ts writes them
 * when a run finishes; RUNNING and FAILED runs leave them null). Each `satisfies` the writer's type,
 * so a field the writer adds or renames fails `tsc` here; readers parse instead of casting.
 */
const count = z.number().int().nonnegative();
const perKind = z.partialRecord(z.enum(ENTITY_KINDS), count);

export const SNAPSHOT_COUNTS = z.object({
  seen: perKind,
  inserted: perKind,
  removed: perKind,
  carried: perKind,
  refreshed: perKind,
  totals: z.object({ seen: count, inserted: count, closed: count, removed: count, carried: count, refreshed: count }),
}) satisfies z.ZodType<WriteCounts>;

const status = z.enum(["COLLECTED", "PARTIAL", "FAILED", "SKIPPED"]);

export const SNAPSHOT_COVERAGE = z.object({
  organization: status,
  accountTags: status,
  serviceControlPolicies: status.optional(),
  awsManagedPolicies: status.optional(),
  identityCenter: z.object({
    instance: status,
    users: status,
    groups: status,
    memberships: status,
    permissionSets: status,
    assignments: status,
  }),
  accounts: z.record(
    z.string(),
    z.object({ accountId: z.string(), iam: status, authorizationDetails: status, credentialReport: status, reason: z.string().nullable() }),
  ),
}) satisfies z.ZodType<InventoryCoverage>;

const perName = z.record(z.string(), count);

/** The collector's call statistics plus what the snapshot run adds (take-snapshot.ts). */
export const SNAPSHOT_STATS = z.object({
  apiCalls: perName,
  apiCallsByAction: perName,
  callsPerAccount: perName,
  retries: perName,
  startedAt: z.string(),
  finishedAt: z.string(),
  collectMs: count,
  writeMs: count,
  /** per account; not versioned with the credential rows because it changes on every run */
  credentialReportsGeneratedAt: z.record(z.string(), z.string().nullable()),
}) satisfies z.ZodType<CollectionStats>;

export type SnapshotCounts = z.infer<typeof SNAPSHOT_COUNTS>;
export type SnapshotCoverage = z.infer<typeof SNAPSHOT_COVERAGE>;
export type SnapshotStats = z.infer<typeof SNAPSHOT_STATS>;

/**
 * One JSON column of snapshot `snapshotId`, parsed; null stays null (a run that never finished).
 * A value of another shape is a bug in the writer or a hand-edited row, so it throws, naming both.
 */
export function parseSnapshotJson(snapshotId: number, column: "counts", value: unknown): SnapshotCounts | null;
export function parseSnapshotJson(snapshotId: number, column: "coverage", value: unknown): SnapshotCoverage | null;
export function parseSnapshotJson(snapshotId: number, column: "stats", value: unknown): SnapshotStats | null;
export function parseSnapshotJson(
  snapshotId: number,
  column: "counts" | "coverage" | "stats",
  value: unknown,
): SnapshotCounts | SnapshotCoverage | SnapshotStats | null {
  if (value === null || value === undefined) return null;
  const parsed = { counts: SNAPSHOT_COUNTS, coverage: SNAPSHOT_COVERAGE, stats: SNAPSHOT_STATS }[column].safeParse(value);
  if (!parsed.success) throw new Error(`snapshot ${snapshotId}: ${column} is not in the expected shape:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
