import type { Db, PrismaTypes } from "../db";
import type { Page } from "../snapshot";
import { AUDIT_ROW_SELECT, type AuditRow } from "./audit-row";
import type { JsonValue } from "./canonical-json";

/** The filters of the audit page and its exports; every one optional. */
export type AuditFilter = {
  /** Part of the actor's name (case-insensitive), or their user id. */
  actor?: string;
  /** An exact action, or a family: `auth.*`. */
  action?: string;
  targetType?: string;
  /** Part of the target's id or label (case-insensitive). */
  target?: string;
  /** Inclusive bounds on occurredAt. */
  from?: Date;
  to?: Date;
  /** Only entries up to this sequence (an export's snapshot of the trail). */
  throughSequence?: bigint;
};

export const AUDIT_SORTS = ["sequence"] as const;

export type ListAuditEntriesInput = AuditFilter & { page: number; pageSize: number; dir: "asc" | "desc" };

export function auditWhere(filter: AuditFilter): PrismaTypes.AuditEntryWhereInput {
  const and: PrismaTypes.AuditEntryWhereInput[] = [];
  if (filter.actor) and.push({ OR: [{ actorName: { contains: filter.actor, mode: "insensitive" } }, { actorId: filter.actor }] });
  if (filter.action) {
    and.push(filter.action.endsWith(".*") ? { action: { startsWith: filter.action.slice(0, -1) } } : { action: filter.action });
  }
  if (filter.targetType) and.push({ targetType: filter.targetType });
  if (filter.target) {
    and.push({
      OR: [
        { targetId: { contains: filter.target, mode: "insensitive" } },
        { targetLabel: { contains: filter.target, mode: "insensitive" } },
      ],
    });
  }
  if (filter.from) and.push({ occurredAt: { gte: filter.from } });
  if (filter.to) and.push({ occurredAt: { lte: filter.to } });
  if (filter.throughSequence !== undefined) and.push({ sequence: { lte: filter.throughSequence } });
  return and.length ? { AND: and } : {};
}

const toRow = (row: Omit<AuditRow, "detail"> & { detail: unknown }): AuditRow => ({ ...row, detail: row.detail as JsonValue });

/** One page of entries matching the filter, newest first unless asked otherwise. */
export async function listAuditEntries(db: Db, input: ListAuditEntriesInput): Promise<Page<AuditRow, (typeof AUDIT_SORTS)[number]>> {
  const where = auditWhere(input);
  const [rows, total] = await Promise.all([
    db.auditEntry.findMany({
      where,
      orderBy: { sequence: input.dir },
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: AUDIT_ROW_SELECT,
    }),
    db.auditEntry.count({ where }),
  ]);
  return { rows: rows.map(toRow), total, page: input.page, pageSize: input.pageSize, sort: { by: "sequence", dir: input.dir } };
}

/** Entries matching the filter in chain order, a batch at a time: exports never hold the whole trail. */
export async function* streamAuditEntries(db: Db, filter: AuditFilter, batchSize = 1_000): AsyncGenerator<AuditRow> {
  let after = 0n;
  for (;;) {
    const batch = await db.auditEntry.findMany({
      where: { AND: [auditWhere(filter), { sequence: { gt: after } }] },
      orderBy: { sequence: "asc" },
      take: batchSize,
      select: AUDIT_ROW_SELECT,
    });
    for (const row of batch) yield toRow(row);
    const last = batch.at(-1);
    if (!last || batch.length < batchSize) return;
    after = last.sequence;
  }
}

/** The actions the trail holds, for the page's filter. */
export async function findAuditActions(db: Db): Promise<string[]> {
  const rows = await db.auditEntry.groupBy({ by: ["action"], orderBy: { action: "asc" } });
  return rows.map((row) => row.action);
}

export async function findAuditTargetTypes(db: Db): Promise<string[]> {
  const rows = await db.auditEntry.groupBy({ by: ["targetType"], where: { targetType: { not: null } }, orderBy: { targetType: "asc" } });
  return rows.flatMap((row) => (row.targetType ? [row.targetType] : []));
}
