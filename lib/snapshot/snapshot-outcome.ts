import type { CollectionStatus, OrgInventory } from "../aws";

export type FinishedStatus = "COMPLETE" | "PARTIAL" | "FAILED";

export interface SnapshotOutcome {
  status: FinishedStatus;
  /** why the whole run failed; null unless FAILED */
  failure: string | null;
}

/**
 * COMPLETE: every section and every account that was meant to be collected was collected in full.
 * PARTIAL: something was missed (a section or account not COLLECTED, or an error was recorded);
 * what was collected is written and the rest carried over. FAILED: nothing at all was collected,
 * so writing would only restate the previous snapshot. SKIPPED (e.g. a suspended account) is a
 * deliberate choice, not a gap.
 */
export function decideSnapshotOutcome(inventory: Pick<OrgInventory, "coverage" | "errors">): SnapshotOutcome {
  const { coverage, errors } = inventory;
  const statuses: CollectionStatus[] = [
    coverage.organization,
    coverage.accountTags,
    ...Object.values(coverage.identityCenter),
    ...Object.values(coverage.accounts).flatMap((a) => [a.iam, a.authorizationDetails, a.credentialReport]),
  ];
  const attempted = statuses.filter((s) => s !== "SKIPPED");
  if (attempted.length > 0 && attempted.every((s) => s === "FAILED")) {
    const first = errors[0];
    const detail = first ? `: ${first.service}:${first.operation} ${first.code} — ${first.message}` : "";
    return { status: "FAILED", failure: `nothing could be collected${detail}` };
  }
  const isComplete = attempted.every((s) => s === "COLLECTED") && errors.length === 0;
  return { status: isComplete ? "COMPLETE" : "PARTIAL", failure: null };
}
