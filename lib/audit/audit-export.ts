import type { AuditRow } from "./audit-row";
import { canonicalJson } from "./canonical-json";

/** The columns of the CSV export, in order; the JSON export has the same keys. */
export const AUDIT_EXPORT_COLUMNS = [
  "sequence",
  "occurredAt",
  "actorType",
  "actorId",
  "actorName",
  "actorAuthMethod",
  "action",
  "targetType",
  "targetId",
  "targetLabel",
  "detail",
  "requestId",
  "clientAddress",
  "prevHash",
  "hash",
] as const;

export type AuditExportRow = Record<Exclude<(typeof AUDIT_EXPORT_COLUMNS)[number], "detail">, string | null> & {
  detail: AuditRow["detail"];
};

/**
 * An entry as exported: every hashed field, so the file can be re-verified offline. The sequence is
 * a decimal string (it is a bigint), the time ISO 8601 with milliseconds.
 */
export function toAuditExportRow(row: AuditRow): AuditExportRow {
  return {
    sequence: row.sequence.toString(),
    occurredAt: row.occurredAt.toISOString(),
    actorType: row.actorType,
    actorId: row.actorId,
    actorName: row.actorName,
    actorAuthMethod: row.actorAuthMethod,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    targetLabel: row.targetLabel,
    detail: row.detail,
    requestId: row.requestId,
    clientAddress: row.clientAddress,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

/** The detail as one CSV cell: its canonical JSON, the exact bytes the hash covered. */
export function detailCell(row: AuditExportRow): string {
  return canonicalJson(row.detail);
}
