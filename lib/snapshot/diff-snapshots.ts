import type { Db } from "../db";
import type { EntityKind } from "./entity-kinds";
import type { EntityData } from "./entity-records";
import { assertReadable } from "./readable-snapshot";
import { sql } from "./sql";
import { closedBetween, openedBetween } from "./valid-as-of";

export interface DiffEntity {
  naturalKey: string;
  accountId: string | null;
  data: EntityData;
}

export interface ChangedEntity {
  naturalKey: string;
  accountId: string | null;
  before: EntityData;
  after: EntityData;
}

export interface KindDiff {
  added: DiffEntity[];
  removed: DiffEntity[];
  changed: ChangedEntity[];
}

export interface SnapshotDiff {
  fromId: number;
  toId: number;
  /** only kinds with at least one difference */
  kinds: Partial<Record<EntityKind, KindDiff>>;
  totals: { added: number; removed: number; changed: number };
}

interface DiffRow {
  kind: EntityKind;
  naturalKey: string;
  beforeAccountId: string | null;
  afterAccountId: string | null;
  before: EntityData | null;
  after: EntityData | null;
}

/**
 * What changed between two readable snapshots, computed in SQL from validity ranges. Only versions
 * that started or ended in (lo, hi] can differ, so the query touches the changes (via the validFrom
 * and validTo indexes), never the unchanged bulk of the state. An entity that changed and changed
 * back (same content hash) is not reported. `fromId` may be newer than `toId` (a backwards diff).
 */
export async function diffSnapshots(db: Db, fromId: number, toId: number): Promise<SnapshotDiff> {
  await Promise.all([assertReadable(db, fromId), assertReadable(db, toId)]);
  const [lo, hi] = fromId <= toId ? [fromId, toId] : [toId, fromId];
  const rows = await db.$queryRaw<DiffRow[]>(sql`
    WITH at_lo AS (
       SELECT v.kind, v."naturalKey", v."accountId", v."contentHash", v.data FROM "EntityVersion" v WHERE ${closedBetween("v", lo, hi)}
     ), at_hi AS (
       SELECT v.kind, v."naturalKey", v."accountId", v."contentHash", v.data FROM "EntityVersion" v WHERE ${openedBetween("v", lo, hi)}
     )
     SELECT COALESCE(l.kind, h.kind) AS kind, COALESCE(l."naturalKey", h."naturalKey") AS "naturalKey",
            l."accountId" AS "beforeAccountId", h."accountId" AS "afterAccountId",
            l.data AS before, h.data AS after
       FROM at_lo l FULL JOIN at_hi h ON l.kind = h.kind AND l."naturalKey" = h."naturalKey"
      WHERE l."contentHash" IS DISTINCT FROM h."contentHash"
      ORDER BY 1, 2`);

  const isForward = fromId <= toId;
  const diff: SnapshotDiff = { fromId, toId, kinds: {}, totals: { added: 0, removed: 0, changed: 0 } };
  for (const row of rows) {
    const kindDiff = (diff.kinds[row.kind] ??= { added: [], removed: [], changed: [] });
    const older = isForward ? { data: row.before, accountId: row.beforeAccountId } : { data: row.after, accountId: row.afterAccountId };
    const newer = isForward ? { data: row.after, accountId: row.afterAccountId } : { data: row.before, accountId: row.beforeAccountId };
    if (older.data && newer.data) {
      kindDiff.changed.push({ naturalKey: row.naturalKey, accountId: newer.accountId, before: older.data, after: newer.data });
      diff.totals.changed += 1;
    } else if (newer.data) {
      kindDiff.added.push({ naturalKey: row.naturalKey, accountId: newer.accountId, data: newer.data });
      diff.totals.added += 1;
    } else if (older.data) {
      kindDiff.removed.push({ naturalKey: row.naturalKey, accountId: older.accountId, data: older.data });
      diff.totals.removed += 1;
    }
  }
  return diff;
}
