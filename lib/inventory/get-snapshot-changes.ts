import type { Db, Prisma } from "../db";
import { diffSnapshots, ENTITY_KINDS, type SnapshotDiff } from "../snapshot";
import { changedFields, entityLabel } from "./changed-fields";

export type ChangeType = "added" | "removed" | "changed";

export interface EntityChange {
  change: ChangeType;
  naturalKey: string;
  accountId: string | null;
  label: string;
  /** for "changed": the top-level fields that differ */
  fields: string[];
}

export interface KindChanges {
  kind: Prisma.EntityKind;
  added: number;
  removed: number;
  changed: number;
  /** the first `limitPerKind` changes; the counts above are complete */
  items: EntityChange[];
}

export interface SnapshotChanges {
  fromId: number;
  toId: number;
  totals: SnapshotDiff["totals"];
  kinds: KindChanges[];
}

export const DEFAULT_CHANGES_PER_KIND = 20;

/** Shapes a diff for display: names and changed field names, never the entities' whole data. */
export function summarizeDiff(diff: SnapshotDiff, limitPerKind = DEFAULT_CHANGES_PER_KIND): SnapshotChanges {
  const kinds: KindChanges[] = [];
  for (const kind of ENTITY_KINDS) {
    const kindDiff = diff.kinds[kind];
    if (!kindDiff) continue;
    const items: EntityChange[] = [
      ...kindDiff.added.map((e) => ({
        change: "added" as const,
        naturalKey: e.naturalKey,
        accountId: e.accountId,
        label: entityLabel(e.data, e.naturalKey),
        fields: [],
      })),
      ...kindDiff.removed.map((e) => ({
        change: "removed" as const,
        naturalKey: e.naturalKey,
        accountId: e.accountId,
        label: entityLabel(e.data, e.naturalKey),
        fields: [],
      })),
      ...kindDiff.changed.map((e) => ({
        change: "changed" as const,
        naturalKey: e.naturalKey,
        accountId: e.accountId,
        label: entityLabel(e.after, e.naturalKey),
        fields: changedFields(e.before, e.after),
      })),
    ];
    kinds.push({
      kind,
      added: kindDiff.added.length,
      removed: kindDiff.removed.length,
      changed: kindDiff.changed.length,
      items: items.slice(0, limitPerKind),
    });
  }
  return { fromId: diff.fromId, toId: diff.toId, totals: diff.totals, kinds };
}

/** What changed from one readable snapshot to another, summarized per entity kind. */
export async function getSnapshotChanges(db: Db, fromId: number, toId: number, limitPerKind?: number): Promise<SnapshotChanges> {
  return summarizeDiff(await diffSnapshots(db, fromId, toId), limitPerKind);
}
