import type { OrgInventory } from "../aws";
import type { Db } from "../db";
import { activityDigest, versionedContent } from "./activity-fields";
import { contentHash } from "./canonical-json";
import { deletionScopes } from "./deletion-scopes";
import { ENTITY_KINDS, type EntityKind } from "./entity-kinds";
import { toEntityRecords, type EntityRecord } from "./entity-records";
import { planVersionChanges, type HashedRecord } from "./plan-version-changes";
import { carryUnknownFields, hasUnknownFields } from "./unknown-fields";
import { closeVersions, insertVersions, loadOpenData, loadOpenVersions, refreshVersions } from "./version-store";

export type PerKind = Partial<Record<EntityKind, number>>;

export interface WriteCounts {
  /** entities in the inventory, per kind */
  seen: PerKind;
  /** versions written (new entities and changed ones) */
  inserted: PerKind;
  /** entities gone from a fully collected scope (their versions closed) */
  removed: PerKind;
  /** absent from this run but in a scope that was not fully collected: kept open */
  carried: PerKind;
  /** unchanged entities whose last-use fields were refreshed in place (activity-fields.ts) */
  refreshed: PerKind;
  totals: { seen: number; inserted: number; closed: number; removed: number; carried: number; refreshed: number };
}

export interface WriteProgress {
  kind: EntityKind;
  /** kinds finished so far, including this one */
  done: number;
  total: number;
}

export interface WriteOptions {
  /** awaited after each kind; the caller may renew its lease or report progress */
  onKindWritten?: (progress: WriteProgress) => void | Promise<void>;
}

/**
 * Writes one inventory as snapshot `snapshotId`: per kind, one read of the open versions, then bulk
 * closes and inserts of only what changed. Rows written here carry validFrom = snapshotId and closes
 * carry validTo = snapshotId, so readers pinned to an older snapshot do not see them, and a rollback
 * can find and undo exactly this run's writes.
 */
export async function writeInventory(
  db: Db,
  snapshotId: number,
  inventory: OrgInventory,
  options: WriteOptions = {},
): Promise<WriteCounts> {
  const isDeletionScope = deletionScopes(inventory);
  const byKind = groupByKind(toEntityRecords(inventory));
  const counts: WriteCounts = {
    seen: {},
    inserted: {},
    removed: {},
    carried: {},
    refreshed: {},
    totals: { seen: 0, inserted: 0, closed: 0, removed: 0, carried: 0, refreshed: 0 },
  };

  for (const [index, kind] of ENTITY_KINDS.entries()) {
    const incoming = byKind.get(kind) ?? [];
    const open = await loadOpenVersions(db, kind);
    const hashed = await withHashes(db, kind, incoming);
    const changes = planVersionChanges(hashed, open, (accountId) => isDeletionScope(kind, accountId));
    // Close before insert: the partial unique index allows one open version per entity.
    const closed = await closeVersions(db, snapshotId, changes.closeIds);
    if (closed !== changes.closeIds.length) {
      throw new Error(`${kind}: expected to close ${changes.closeIds.length} versions, closed ${closed} (concurrent writer?)`);
    }
    const inserted = await insertVersions(db, snapshotId, changes.inserts);
    const refreshed = await refreshVersions(db, changes.refreshes);

    counts.seen[kind] = incoming.length;
    counts.inserted[kind] = inserted;
    counts.removed[kind] = changes.removed;
    counts.carried[kind] = changes.carried;
    counts.refreshed[kind] = refreshed;
    counts.totals.seen += incoming.length;
    counts.totals.inserted += inserted;
    counts.totals.closed += closed;
    counts.totals.removed += changes.removed;
    counts.totals.carried += changes.carried;
    counts.totals.refreshed += refreshed;
    await options.onKindWritten?.({ kind, done: index + 1, total: ENTITY_KINDS.length });
  }
  return counts;
}

function groupByKind(records: EntityRecord[]): Map<EntityKind, EntityRecord[]> {
  const byKind = new Map<EntityKind, EntityRecord[]>();
  for (const record of records) {
    const list = byKind.get(record.kind);
    if (list) list.push(record);
    else byKind.set(record.kind, [record]);
  }
  return byKind;
}

async function withHashes(db: Db, kind: EntityKind, records: EntityRecord[]): Promise<HashedRecord[]> {
  const partial = records.filter((record) => hasUnknownFields(kind, record.data));
  const previous = await loadOpenData(
    db,
    kind,
    partial.map((record) => record.naturalKey),
  );
  return records.map((record) => {
    const before = previous.get(record.naturalKey);
    const data = before ? carryUnknownFields(kind, record.data, before) : record.data;
    return { ...record, data, contentHash: contentHash(versionedContent(kind, data)), activityDigest: activityDigest(kind, data) };
  });
}
