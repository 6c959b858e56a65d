import { z } from "zod";
import type { Db } from "../db";
import { diffSnapshots, ENTITY_KINDS, type EntityData, type EntityKind } from "../snapshot";
import { comparableData } from "./comparable-data";
import { diffJson, type JsonChange } from "./diff-json";
import { entityLabel, KIND_LABELS, type NameBook } from "./entity-label";
import { loadNameBook, referencedIds } from "./load-name-book";
import { resolveDriftSnapshots } from "./resolve-drift-snapshots";
import type { ReadableSnapshot } from "./readable-snapshot";
import { inventoryTarget, type InventoryTarget } from "./inventory-target";
import { findWhoChanged, type ChangeEvent } from "./who-changed";

export const DIFF_DRIFT_INPUT = z.object({
  fromId: z.number().int().positive().optional(),
  toId: z.number().int().positive().optional(),
});

export type DiffDriftInput = z.input<typeof DIFF_DRIFT_INPUT>;

export type DriftChangeKind = "added" | "removed" | "changed";

/** One entity that differs between the two snapshots. */
export interface DriftItem {
  kind: EntityKind;
  change: DriftChangeKind;
  naturalKey: string;
  accountId: string | null;
  /** a readable name: role name, "alice in Admins", "AdministratorAccess → group Admins in prod (…)" */
  label: string;
  /** the inventory page to link to (of the newer snapshot, or of the older one for a removed entity) */
  target: InventoryTarget | null;
  /** field-level differences of a changed entity (policy documents by meaning); empty for added/removed */
  changes: JsonChange[];
  /** an IAM role whose trust policy changed by meaning: what an approver may accept as the new baseline */
  trustPolicyChanged: boolean;
  /** a changed entity whose differences are all cosmetic (re-formatted document, renamed Sid) */
  cosmeticOnly: boolean;
  /** the entity as added or removed (activity fields and duplicate raw text left out); null when changed */
  data: EntityData | null;
  /** CloudTrail write events about it between the two snapshots' as-of times, oldest first */
  whoChanged: ChangeEvent[];
}

export interface DriftKindGroup {
  kind: EntityKind;
  label: string;
  items: DriftItem[];
}

export interface DriftAccountGroup {
  /** null: organization-wide entities (Identity Center, Organizations) */
  accountId: string | null;
  accountName: string | null;
  kinds: DriftKindGroup[];
}

export interface DriftReport {
  from: ReadableSnapshot;
  to: ReadableSnapshot;
  totals: Record<DriftChangeKind, number>;
  groups: DriftAccountGroup[];
  /** true when there were more changed entities than "who changed it" is looked up for */
  whoChangedTruncated: boolean;
}

/** "Who changed it" is looked up for at most this many entities, a few at a time. */
const WHO_CHANGED_LIMIT = 500;
const WHO_CHANGED_CONCURRENCY = 4;

/**
 * Every entity added, removed or changed between two readable snapshots (default: the last two),
 * grouped by account and kind, each with its field-level diff and the CloudTrail write events
 * about it between the snapshots' as-of times. Built on lib/snapshot's diffSnapshots, so an entity
 * whose only change is activity (last used) is not reported at all.
 */
export async function diffDrift(db: Db, input: DiffDriftInput = {}): Promise<DriftReport> {
  const { from, to } = await resolveDriftSnapshots(db, DIFF_DRIFT_INPUT.parse(input));
  const diff = await diffSnapshots(db, from.id, to.id);

  const raw: Array<{
    kind: EntityKind;
    change: DriftChangeKind;
    naturalKey: string;
    accountId: string | null;
    before: EntityData | null;
    after: EntityData | null;
  }> = [];
  for (const kind of ENTITY_KINDS) {
    const kindDiff = diff.kinds[kind];
    if (!kindDiff) continue;
    for (const e of kindDiff.added)
      raw.push({ kind, change: "added", naturalKey: e.naturalKey, accountId: e.accountId, before: null, after: e.data });
    for (const e of kindDiff.removed)
      raw.push({ kind, change: "removed", naturalKey: e.naturalKey, accountId: e.accountId, before: e.data, after: null });
    for (const e of kindDiff.changed)
      raw.push({ kind, change: "changed", naturalKey: e.naturalKey, accountId: e.accountId, before: e.before, after: e.after });
  }

  const names = await loadNameBook(
    db,
    [from.id, to.id],
    raw.flatMap((item) => referencedIds(item.accountId, (item.after ?? item.before)!)),
  );
  const items: DriftItem[] = raw.map((item) => {
    const data = (item.after ?? item.before)!;
    const [before, after] = [item.before && comparableData(item.kind, item.before), item.after && comparableData(item.kind, item.after)];
    const changes = item.change === "changed" ? diffJson(before, after) : [];
    return {
      kind: item.kind,
      change: item.change,
      naturalKey: item.naturalKey,
      accountId: item.accountId,
      label: entityLabel(item.kind, item.naturalKey, data, names),
      target: inventoryTarget(item.kind, item.naturalKey, item.accountId, data),
      changes,
      trustPolicyChanged: item.kind === "IAM_ROLE" && changes.some((c) => c.path === "trustPolicy" || c.path.startsWith("trustPolicy.")),
      cosmeticOnly: item.change === "changed" && changes.length === 0,
      data: item.change === "changed" ? null : (after ?? before),
      whoChanged: [],
    };
  });

  const window = from.asOf <= to.asOf ? { from: from.asOf, to: to.asOf } : { from: to.asOf, to: from.asOf };
  // `to` is exclusive in findChangeEvents; the newer snapshot's own instant belongs to the window.
  const until = new Date(window.to.getTime() + 1);
  const joined = items.slice(0, WHO_CHANGED_LIMIT);
  for (let i = 0; i < joined.length; i += WHO_CHANGED_CONCURRENCY) {
    await Promise.all(
      joined.slice(i, i + WHO_CHANGED_CONCURRENCY).map(async (item, j) => {
        const source = raw[i + j]!;
        item.whoChanged = await findWhoChanged(
          db,
          { kind: item.kind, naturalKey: item.naturalKey, data: (source.after ?? source.before)! },
          { from: window.from, to: until },
        );
      }),
    );
  }

  return { from, to, totals: diff.totals, groups: groupItems(items, names), whoChangedTruncated: items.length > WHO_CHANGED_LIMIT };
}

function groupItems(items: DriftItem[], names: NameBook): DriftAccountGroup[] {
  const byAccount = new Map<string | null, Map<EntityKind, DriftItem[]>>();
  for (const item of items) {
    const kinds = byAccount.get(item.accountId) ?? new Map<EntityKind, DriftItem[]>();
    byAccount.set(item.accountId, kinds);
    const list = kinds.get(item.kind);
    if (list) list.push(item);
    else kinds.set(item.kind, [item]);
  }
  const groups = [...byAccount].map(([accountId, kinds]) => ({
    accountId,
    accountName: accountId === null ? null : (names.accounts.get(accountId) ?? null),
    kinds: ENTITY_KINDS.filter((kind) => kinds.has(kind)).map((kind) => ({ kind, label: KIND_LABELS[kind], items: kinds.get(kind)! })),
  }));
  const sortKey = (group: DriftAccountGroup) => (group.accountId === null ? "" : `${group.accountName ?? "\uffff"}|${group.accountId}`);
  return groups.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
}
