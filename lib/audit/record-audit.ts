import type { Db, PrismaClient, PrismaTypes, TransactionClient } from "../db";
import { actorColumns, type AuditActor } from "./audit-actor";
import { AuditDetailError, cleanAuditDetail, MAX_DETAIL_CHARS, type AuditDetailInput } from "./audit-detail";
import { GENESIS_HASH, hashEntry, type HashedFields } from "./audit-hash";
import { canonicalJson } from "./canonical-json";

/** What happened, by whom, to what. */
export type AuditEntryInput = {
  actor: AuditActor;
  /** A dotted verb, lower-case: `auth.sign_in`, `finding.suppressed`, `trust_baseline.approved`. */
  action: string;
  target?: { type: string; id: string; label?: string | null } | null;
  /** Non-secret facts. A secret-named key refuses the entry; secret-looking text is redacted (audit-detail.ts). */
  detail?: AuditDetailInput;
  requestId?: string | null;
  clientAddress?: string | null;
};

export type RecordedAuditEntry = { sequence: bigint; hash: string };

const ACTION = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;
const TARGET_TYPE = /^[a-z][a-z0-9_-]*$/;

/**
 * One advisory lock serialises every writer of the chain, held until its transaction ends: the
 * next writer reads the head only after the previous one committed (a fresh snapshot per statement
 * under READ COMMITTED) or rolled back (its sequence number was never used, so no gap).
 */
const CHAIN_LOCK_KEY = 0x5649_474c_4155_4454n; // "VIGLAUDT"

/** A client has $transaction; a transaction client does not (Prisma strips it). */
function isClient(db: Db): db is PrismaClient {
  return typeof (db as Partial<PrismaClient>).$transaction === "function";
}

const clip = (text: string | null | undefined, max: number) => (text ? text.slice(0, max) : null);

type Prepared = Omit<HashedFields, "sequence" | "occurredAt" | "prevHash">;

function prepare(input: AuditEntryInput): Prepared {
  if (input.action.length > 100 || !ACTION.test(input.action)) {
    throw new AuditDetailError(`action "${input.action.slice(0, 100)}" is not a dotted lower-case verb such as auth.sign_in`);
  }
  if (input.target && (input.target.type.length > 64 || !TARGET_TYPE.test(input.target.type))) {
    throw new AuditDetailError(`target type "${input.target.type.slice(0, 64)}" is not a lower-case name`);
  }
  const detail = cleanAuditDetail(input.detail);
  if (canonicalJson(detail).length > MAX_DETAIL_CHARS) throw new AuditDetailError(`detail is longer than ${MAX_DETAIL_CHARS} characters`);
  return {
    ...actorColumns(input.actor),
    action: input.action,
    targetType: input.target?.type ?? null,
    targetId: clip(input.target?.id, 512),
    targetLabel: clip(input.target?.label, 512),
    detail,
    requestId: clip(input.requestId, 100),
    clientAddress: clip(input.clientAddress, 100),
  };
}

async function append(tx: TransactionClient, entry: Prepared): Promise<RecordedAuditEntry> {
  await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(${CHAIN_LOCK_KEY})`;
  const head = await tx.auditEntry.findFirst({ orderBy: { sequence: "desc" }, select: { sequence: true, hash: true } });
  const fields: HashedFields = {
    ...entry,
    sequence: (head?.sequence ?? 0n) + 1n,
    // Taken under the lock, so times follow sequence numbers (as far as the clock does).
    occurredAt: new Date(),
    prevHash: head?.hash ?? GENESIS_HASH,
  };
  const hash = hashEntry(fields);
  await tx.auditEntry.create({ data: { ...fields, detail: fields.detail as PrismaTypes.InputJsonObject, hash } });
  return { sequence: fields.sequence, hash };
}

/**
 * Appends one entry to the audit trail. Pass the transaction that makes the change it records, so
 * the entry and the change commit or roll back together; given the client, it opens its own.
 * Record it as the transaction's last write: the chain lock is held until commit, and every other
 * audited change in the application waits for it.
 */
export async function recordAudit(db: Db, input: AuditEntryInput): Promise<RecordedAuditEntry> {
  const entry = prepare(input);
  if (isClient(db)) return db.$transaction((tx) => append(tx, entry), { maxWait: 10_000, timeout: 15_000 });
  return append(db, entry);
}

const BATCH_INSERT_ROWS = 1_000;

/**
 * Appends many entries in order under one hold of the chain lock and one read of the head: a bulk
 * decision over thousands of rows costs a few statements, not three per entry. Same rules as
 * recordAudit: every entry is checked before any is written, and the caller's transaction carries them.
 */
export async function recordAuditBatch(tx: TransactionClient, inputs: readonly AuditEntryInput[]): Promise<RecordedAuditEntry[]> {
  const entries = inputs.map(prepare);
  if (entries.length === 0) return [];
  await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(${CHAIN_LOCK_KEY})`;
  const head = await tx.auditEntry.findFirst({ orderBy: { sequence: "desc" }, select: { sequence: true, hash: true } });
  let sequence = head?.sequence ?? 0n;
  let prevHash = head?.hash ?? GENESIS_HASH;
  const occurredAt = new Date();
  const rows = entries.map((entry) => {
    sequence += 1n;
    const fields: HashedFields = { ...entry, sequence, occurredAt, prevHash };
    prevHash = hashEntry(fields);
    return { ...fields, detail: fields.detail as PrismaTypes.InputJsonObject, hash: prevHash };
  });
  for (let start = 0; start < rows.length; start += BATCH_INSERT_ROWS)
    await tx.auditEntry.createMany({ data: rows.slice(start, start + BATCH_INSERT_ROWS) });
  return rows.map((row) => ({ sequence: row.sequence, hash: row.hash }));
}
