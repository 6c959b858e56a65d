import { csvCell } from "../csv";
import type { FindingRow } from "./list-findings";

/** The row shape of `vigil findings --format json` (and the CSV columns, in this order). */
export interface FindingExportRow {
  id: number;
  rule: string;
  severity: string;
  status: string;
  accountId: string | null;
  resourceArn: string;
  title: string;
  evidence: Record<string, unknown>;
  remediation: string;
  firstSeenAt: string;
  lastSeenAt: string;
  suppressedUntil: string | null;
}

export const EXPORT_COLUMNS = [
  "id",
  "rule",
  "severity",
  "status",
  "accountId",
  "resourceArn",
  "title",
  "evidence",
  "remediation",
  "firstSeenAt",
  "lastSeenAt",
  "suppressedUntil",
] as const;

export function toExportRow(row: FindingRow): FindingExportRow {
  return {
    id: row.id,
    rule: row.rule,
    severity: row.severity,
    status: row.status,
    accountId: row.accountId,
    resourceArn: row.resourceArn,
    title: row.title,
    evidence: row.evidence,
    remediation: row.remediation,
    firstSeenAt: new Date(row.firstSeenAt).toISOString(),
    lastSeenAt: new Date(row.lastSeenAt).toISOString(),
    suppressedUntil: row.suppressedUntil ? new Date(row.suppressedUntil).toISOString() : null,
  };
}

export function findingsCsv(rows: readonly FindingExportRow[]): string {
  const lines = [EXPORT_COLUMNS.join(",")];
  for (const row of rows) lines.push(EXPORT_COLUMNS.map((column) => csvCell(row[column])).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
