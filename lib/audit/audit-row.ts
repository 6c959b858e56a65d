import type { Db } from "../db";
import type { HashedFields } from "./audit-hash";
import type { JsonValue } from "./canonical-json";

/** An entry as stored: what it hashes plus its hash. */
export type AuditRow = HashedFields & { hash: string };

export const AUDIT_ROW_SELECT = {
  sequence: true,
  occurredAt: true,
  actorType: true,
  actorId: true,
  actorName: true,
  actorAuthMethod: true,
  action: true,
  targetType: true,
  targetId: true,
  targetLabel: true,
  detail: true,
  requestId: true,
  clientAddress: true,
  prevHash: true,
  hash: true,
} as const;

/** Entries after `afterSequence`, in chain order: the batched walk of verify and export. */
export async function readAuditBatch(db: Db, afterSequence: bigint, take: number): Promise<AuditRow[]> {
  const rows = await db.auditEntry.findMany({
    where: { sequence: { gt: afterSequence } },
    orderBy: { sequence: "asc" },
    take,
    select: AUDIT_ROW_SELECT,
  });
  return rows.map((row) => ({ ...row, detail: row.detail as JsonValue }));
}

/** The newest entry's sequence and hash; null while the trail is empty. */
export async function getAuditHead(db: Db): Promise<{ sequence: bigint; hash: string } | null> {
  return db.auditEntry.findFirst({ orderBy: { sequence: "desc" }, select: { sequence: true, hash: true } });
}
