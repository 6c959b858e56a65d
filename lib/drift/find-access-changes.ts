import { z } from "zod";
import type { Db } from "../db";
import { ENTITY_KINDS, isReadableSnapshot, sql, type EntityData, type EntityKind } from "../snapshot";
import { changeCategory, type ChangeCategory } from "./change-category";
import { comparableData } from "./comparable-data";
import { diffJson, type JsonChange } from "./diff-json";
import { entityLabel } from "./entity-label";
import { inventoryTarget, type InventoryTarget } from "./inventory-target";
import { loadNameBook, referencedIds } from "./load-name-book";
import { findLastUsedChurn } from "./find-last-used-churn";
import { findWhoChanged, type ChangeEvent } from "./who-changed";

export const FIND_ACCESS_CHANGES_INPUT = z.object({
  /** snapshots taken at or after this instant */
  from: z.coerce.date().optional(),
  /** exclusive */
  to: z.coerce.date().optional(),
  kind: z.enum(ENTITY_KINDS).optional(),
  accountId: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
  /** also list `churn` (last-used times, re-formatted documents) */
  includeChurn: z.boolean().default(false),
  /** only these categories (after churn is or is not included) */
  categories: z.array(z.enum(["access", "other", "churn"])).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});

export type FindAccessChangesInput = z.input<typeof FIND_ACCESS_CHANGES_INPUT>;

/** One entity that changed at one snapshot, against the readable snapshot before it. */
export interface AccessChange {
  snapshotId: number;
  asOf: Date;
  previousSnapshotId: number;
  previousAsOf: Date;
  kind: EntityKind;
  change: "added" | "removed" | "changed" | "last-used";
  category: ChangeCategory;
  naturalKey: string;
  accountId: string | null;
  accountName: string | null;
  /** names, not ids: "alice in Admins", "ReadOnly → group Admins in prod" */
  label: string;
  /** the inventory page (of the newer snapshot, or the older one for a removal) */
  target: InventoryTarget | null;
  /** field by field (activity and raw document text left out); for `last-used`, the time it moved to */
  changes: JsonChange[];
  /** CloudTrail write events about it between the two snapshots, oldest first */
  whoChanged: ChangeEvent[];
}

export interface AccessChangePage {
  items: AccessChange[];
  total: number;
  page: number;
  pageSize: number;
  /** more changed entities in the range than the feed reads at once: narrow the range or the filters */
  isTruncated: boolean;
}

/** At most this many changed entities are read and classified per request (newest first). */
export const MAX_CHANGES_SCANNED = 2_000;

interface ChangeRow {
  snapshotId: number;
  asOf: Date;
  previousSnapshotId: number;
  previousAsOf: Date;
  kind: EntityKind;
  naturalKey: string;
  accountId: string | null;
  before: EntityData | null;
  after: EntityData | null;
}

/**
 * The feed of changes: for each readable snapshot in [from, to), what differs from the readable
 * snapshot before it (one query over the validity ranges, the way diffSnapshots compares two),
 * classified as access / other / churn, labelled with names, with each change's diff and, for the
 * page shown, who changed it. Newest first.
 */
export async function findAccessChanges(db: Db, input: FindAccessChangesInput = {}): Promise<AccessChangePage> {
  const p = FIND_ACCESS_CHANGES_INPUT.parse(input);
  const rows = await db.$queryRaw<ChangeRow[]>(sql`
    WITH snaps AS (
      SELECT s.id, s."asOf", lag(s.id) OVER (ORDER BY s.id) AS prev, lag(s."asOf") OVER (ORDER BY s.id) AS "prevAsOf"
        FROM "Snapshot" s WHERE ${isReadableSnapshot("s")}
    ), win AS (
      SELECT * FROM snaps
       WHERE prev IS NOT NULL
         AND (${p.from ?? null}::timestamp IS NULL OR "asOf" >= ${p.from ?? null}::timestamp)
         AND (${p.to ?? null}::timestamp IS NULL OR "asOf" < ${p.to ?? null}::timestamp)
    ), closed AS (
      SELECT w.id AS at, v.kind, v."naturalKey", v."accountId", v."contentHash", v.data
        FROM win w JOIN "EntityVersion" v ON v."validTo" > w.prev AND v."validTo" <= w.id AND v."validFrom" <= w.prev
    ), opened AS (
      SELECT w.id AS at, v.kind, v."naturalKey", v."accountId", v."contentHash", v.data
        FROM win w JOIN "EntityVersion" v ON v."validFrom" > w.prev AND v."validFrom" <= w.id AND (v."validTo" IS NULL OR v."validTo" > w.id)
    )
    SELECT w.id AS "snapshotId", w."asOf", w.prev AS "previousSnapshotId", w."prevAsOf" AS "previousAsOf",
           coalesce(o.kind, c.kind) AS kind, coalesce(o."naturalKey", c."naturalKey") AS "naturalKey",
           coalesce(o."accountId", c."accountId") AS "accountId", c.data AS before, o.data AS after
      FROM closed c FULL JOIN opened o ON o.at = c.at AND o.kind = c.kind AND o."naturalKey" = c."naturalKey"
      JOIN win w ON w.id = coalesce(o.at, c.at)
     WHERE c."contentHash" IS DISTINCT FROM o."contentHash"
       AND (${p.kind ?? null}::text IS NULL OR coalesce(o.kind, c.kind)::text = ${p.kind ?? null}::text)
       AND (${p.accountId ?? null}::text IS NULL
            OR coalesce(o."accountId", c."accountId") = ${p.accountId ?? null}::text
            OR coalesce(o.data, c.data) ->> 'accountId' = ${p.accountId ?? null}::text)
     ORDER BY w.id DESC, 5, 6
     LIMIT ${MAX_CHANGES_SCANNED + 1}`);
  const isTruncated = rows.length > MAX_CHANGES_SCANNED;
  const scanned = rows.slice(0, MAX_CHANGES_SCANNED);

  const churn = p.includeChurn ? await findLastUsedChurn(db, { from: p.from, to: p.to, kind: p.kind, accountId: p.accountId }) : [];
  const snapshotIds = [...new Set([...scanned, ...churn].flatMap((row) => [row.snapshotId, row.previousSnapshotId]))];
  const names = await loadNameBook(
    db,
    snapshotIds.length ? [Math.min(...snapshotIds), Math.max(...snapshotIds)] : [0, 0],
    [...scanned, ...churn].flatMap((row) => referencedIds(row.accountId, (row.after ?? row.before)!)),
  );

  const classified: AccessChange[] = scanned.map((row) => {
    const change = row.before && row.after ? "changed" : row.after ? "added" : "removed";
    const data = (row.after ?? row.before)!;
    const changes = change === "changed" ? diffJson(comparableData(row.kind, row.before!), comparableData(row.kind, row.after!)) : [];
    return {
      snapshotId: row.snapshotId,
      asOf: row.asOf,
      previousSnapshotId: row.previousSnapshotId,
      previousAsOf: row.previousAsOf,
      kind: row.kind,
      change,
      category: changeCategory(row.kind, change, changes),
      naturalKey: row.naturalKey,
      accountId: row.accountId,
      accountName: row.accountId ? (names.accounts.get(row.accountId) ?? null) : null,
      label: entityLabel(row.kind, row.naturalKey, data, names),
      target: inventoryTarget(row.kind, row.naturalKey, row.accountId, data),
      changes:
        change === "changed"
          ? changes
          : diffJson(
              change === "added" ? undefined : comparableData(row.kind, data),
              change === "added" ? comparableData(row.kind, data) : undefined,
            ),
      whoChanged: [],
    };
  });
  const lastUsed: AccessChange[] = churn.map((row) => ({
    ...row,
    change: "last-used",
    category: "churn",
    accountName: row.accountId ? (names.accounts.get(row.accountId) ?? null) : null,
    label: entityLabel(row.kind, row.naturalKey, row.after, names),
    target: inventoryTarget(row.kind, row.naturalKey, row.accountId, row.after),
    whoChanged: [],
  }));

  const wanted = (item: AccessChange) =>
    (p.includeChurn || item.category !== "churn") && (!p.categories || p.categories.includes(item.category));
  const all = [...classified, ...lastUsed]
    .filter(wanted)
    .sort(
      (a, b) =>
        b.snapshotId - a.snapshotId ||
        ENTITY_KINDS.indexOf(a.kind) - ENTITY_KINDS.indexOf(b.kind) ||
        a.naturalKey.localeCompare(b.naturalKey),
    );
  const items = all.slice((p.page - 1) * p.pageSize, p.page * p.pageSize);
  for (const item of items) {
    if (item.change === "last-used") continue;
    const row = scanned.find((r) => r.snapshotId === item.snapshotId && r.kind === item.kind && r.naturalKey === item.naturalKey)!;
    // `to` is exclusive in the event query; the newer snapshot's own instant belongs to the window.
    item.whoChanged = await findWhoChanged(
      db,
      { kind: item.kind, naturalKey: item.naturalKey, data: (row.after ?? row.before)! },
      { from: item.previousAsOf, to: new Date(item.asOf.getTime() + 1) },
    );
  }
  return { items, total: all.length, page: p.page, pageSize: p.pageSize, isTruncated };
}
