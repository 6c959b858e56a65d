import { z } from "zod";
import type { Db } from "../db";
import type { JsonChange } from "./diff-json";
import { diffDrift, type DriftChangeKind, type DriftItem } from "./diff-drift";
import { diffPeopleAccess, type DriftAccessPath } from "./drift-report-access";
import { findFindingChanges, type DriftFindingChange } from "./drift-report-findings";
import { DRIFT_REPORT_POINT, resolveDriftReportRange, type DriftReportBasis } from "./drift-report-range";
import type { InventoryTarget } from "./inventory-target";
import type { ReadableSnapshot } from "./readable-snapshot";
import type { ChangeEvent } from "./who-changed";

export const DRIFT_REPORT_INPUT = z.object({
  /** snapshot id, `campaign:<id>` or ISO date; default: the previous campaign's snapshot, else a week back */
  since: DRIFT_REPORT_POINT.optional(),
  /** default: the latest readable snapshot */
  until: DRIFT_REPORT_POINT.optional(),
});
export type DriftReportInput = z.input<typeof DRIFT_REPORT_INPUT>;

/** A trust policy or permission set that changed, with who changed it (CloudTrail write events). */
export interface DriftReportChange {
  kind: "IAM_ROLE" | "PERMISSION_SET";
  change: DriftChangeKind;
  naturalKey: string;
  accountId: string | null;
  label: string;
  target: InventoryTarget | null;
  /** field-level differences (policy documents by meaning); for a role, its trust policy's */
  changes: JsonChange[];
  whoChanged: ChangeEvent[];
}

export interface DriftReportCounts {
  newPaths: number;
  removedPaths: number;
  trustChanges: number;
  permissionSetChanges: number;
  findingsOpened: number;
  findingsResolved: number;
  /** every entity added, removed or changed (the full drift at /drift) */
  entities: Record<DriftChangeKind, number>;
}

/** What changed in access between two snapshots, for the security team's weekly review. */
export interface DriftReportSummary {
  from: ReadableSnapshot;
  to: ReadableSnapshot;
  basis: DriftReportBasis;
  campaignId: number | null;
  generatedAt: Date;
  counts: DriftReportCounts;
  access: { added: DriftAccessPath[]; removed: DriftAccessPath[] };
  trustChanges: DriftReportChange[];
  permissionSetChanges: DriftReportChange[];
  findings: { opened: DriftFindingChange[]; resolved: DriftFindingChange[]; truncated: boolean };
  /** true when more entities changed than "who changed it" was looked up for */
  whoChangedTruncated: boolean;
}

const isTrustPath = (change: JsonChange) => change.path === "trustPolicy" || change.path.startsWith("trustPolicy.");

function toChange(item: DriftItem, changes: JsonChange[]): DriftReportChange {
  return {
    kind: item.kind as DriftReportChange["kind"],
    change: item.change,
    naturalKey: item.naturalKey,
    accountId: item.accountId,
    label: item.label,
    target: item.target,
    changes,
    whoChanged: item.whoChanged,
  };
}

/**
 * The drift report between two readable snapshots (see resolveDriftReportRange for the defaults):
 * people's access paths added and removed (lib/access on both snapshots), roles whose trust policy
 * changed and permission sets added, removed or changed, each with who changed it (lib/drift's
 * diffDrift), and the findings opened and resolved by the evaluations in between.
 */
export async function buildDriftReport(db: Db, input: DriftReportInput = {}, now: Date = new Date()): Promise<DriftReportSummary> {
  const parsed = DRIFT_REPORT_INPUT.parse(input);
  const range = await resolveDriftReportRange(db, parsed);
  const { from, to } = range;
  const [drift, access, findings] = await Promise.all([
    diffDrift(db, { fromId: from.id, toId: to.id }),
    diffPeopleAccess(db, from.id, to.id),
    findFindingChanges(db, from.id, to.id),
  ]);
  const items = drift.groups.flatMap((group) => group.kinds.flatMap((kind) => kind.items));
  const trustChanges = items
    .filter((item) => item.kind === "IAM_ROLE" && item.trustPolicyChanged)
    .map((item) => toChange(item, item.changes.filter(isTrustPath)));
  const permissionSetChanges = items
    .filter((item) => item.kind === "PERMISSION_SET" && !item.cosmeticOnly)
    .map((item) => toChange(item, item.changes));
  return {
    from,
    to,
    basis: range.basis,
    campaignId: range.campaignId,
    generatedAt: now,
    counts: {
      newPaths: access.added.length,
      removedPaths: access.removed.length,
      trustChanges: trustChanges.length,
      permissionSetChanges: permissionSetChanges.length,
      findingsOpened: findings.opened.length,
      findingsResolved: findings.resolved.length,
      entities: drift.totals,
    },
    access,
    trustChanges,
    permissionSetChanges,
    findings,
    whoChangedTruncated: drift.whoChangedTruncated,
  };
}
