import type { ReviewFindingRef } from "./review-types";

/** What a row is compared on, week to week. */
export interface ComparableRow {
  effectiveSessionSeconds: number;
  cappedByChaining: boolean;
  conditional: boolean;
  permissionSetHash: string | null;
  roleArn: string | null;
  findings: readonly ReviewFindingRef[];
}

export type ChangeDetail = Record<string, { from: unknown; to: unknown }>;

/**
 * NEW without a previous row; CHANGED with what moved (session, chaining cap, conditions, the
 * permission set's content, the role, the open findings by id); UNCHANGED otherwise.
 */
export function classifyChange(
  previous: ComparableRow | undefined,
  current: ComparableRow,
): { change: "NEW" | "CHANGED" | "UNCHANGED"; changeDetail: ChangeDetail | null } {
  if (!previous) return { change: "NEW", changeDetail: null };
  const detail: ChangeDetail = {};
  const compare = (field: string, from: unknown, to: unknown) => {
    if (from !== to) detail[field] = { from, to };
  };
  compare("effectiveSessionSeconds", previous.effectiveSessionSeconds, current.effectiveSessionSeconds);
  compare("cappedByChaining", previous.cappedByChaining, current.cappedByChaining);
  compare("conditional", previous.conditional, current.conditional);
  compare("permissionSetHash", previous.permissionSetHash, current.permissionSetHash);
  compare("roleArn", previous.roleArn, current.roleArn);
  const before = findingIds(previous.findings);
  const after = findingIds(current.findings);
  if (before.join(",") !== after.join(",")) detail.findings = { from: before, to: after };
  return Object.keys(detail).length > 0 ? { change: "CHANGED", changeDetail: detail } : { change: "UNCHANGED", changeDetail: null };
}

const findingIds = (findings: readonly ReviewFindingRef[]) => [...new Set(findings.map((f) => f.id))].sort((a, b) => a - b);
