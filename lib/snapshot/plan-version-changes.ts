import type { EntityRecord } from "./entity-records";

/** An entity's current (open) version as the writer compares against it. */
export interface OpenVersion {
  id: string;
  naturalKey: string;
  accountId: string | null;
  contentHash: string;
  /** see activity-fields.ts; null for kinds without activity fields */
  activityDigest: string | null;
}

export interface HashedRecord extends EntityRecord {
  /** hash of the versioned content (activity fields excluded) */
  contentHash: string;
  activityDigest: string | null;
}

export interface VersionChanges {
  /** new entities and new versions of changed ones */
  inserts: HashedRecord[];
  /** open versions to close: changed entities' old versions and entities gone from a collected scope */
  closeIds: string[];
  unchanged: number;
  /** absent, but in a scope that was not fully collected: left open */
  carried: number;
  /** how many closes are deletions (the rest are superseded versions) */
  removed: number;
  /** unchanged entities whose activity fields moved: their open version's data is refreshed in place */
  refreshes: Array<{ id: string; record: HashedRecord }>;
}

/**
 * Pure comparison of one kind's incoming records with its open versions. An unchanged entity costs
 * nothing (or an in-place refresh when only its activity fields moved); a changed one closes its open version and gets a new one; an absent one is closed only
 * when `isDeletionScope` says its scope was collected in full.
 */
export function planVersionChanges(
  incoming: readonly HashedRecord[],
  open: readonly OpenVersion[],
  isDeletionScope: (accountId: string | null) => boolean,
): VersionChanges {
  const openByKey = new Map(open.map((version) => [version.naturalKey, version]));
  const changes: VersionChanges = { inserts: [], closeIds: [], unchanged: 0, carried: 0, removed: 0, refreshes: [] };
  const seen = new Set<string>();
  for (const record of incoming) {
    seen.add(record.naturalKey);
    const current = openByKey.get(record.naturalKey);
    if (current?.contentHash === record.contentHash) {
      changes.unchanged += 1;
      if (current.activityDigest !== record.activityDigest) changes.refreshes.push({ id: current.id, record });
      continue;
    }
    if (current) changes.closeIds.push(current.id);
    changes.inserts.push(record);
  }
  for (const version of open) {
    if (seen.has(version.naturalKey)) continue;
    if (isDeletionScope(version.accountId)) {
      changes.closeIds.push(version.id);
      changes.removed += 1;
    } else {
      changes.carried += 1;
    }
  }
  return changes;
}
