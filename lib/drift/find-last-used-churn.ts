import type { Db } from "../db";
import { isReadableSnapshot, sql, type EntityData, type EntityKind } from "../snapshot";
import type { JsonChange } from "./diff-json";

/** A role or credential whose "last used" time fell between two snapshots. */
export interface LastUsedChurn {
  snapshotId: number;
  asOf: Date;
  previousSnapshotId: number;
  previousAsOf: Date;
  kind: EntityKind;
  naturalKey: string;
  accountId: string | null;
  before: null;
  after: EntityData;
  changes: JsonChange[];
}

interface Window {
  snapshotId: number;
  asOf: Date;
  previousSnapshotId: number;
  previousAsOf: Date;
}

/** At most this many used roles and credentials are read per request. */
const MAX_USED = 5_000;
const CHURN_KINDS = ["IAM_ROLE", "IAM_CREDENTIAL"] as const;

const toDate = (value: unknown): Date | null => {
  if (typeof value !== "string") return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
};

/** Each "last used" time of one entity's data, by the field it is in (lib/snapshot activity-fields.ts). */
function lastUses(kind: EntityKind, data: EntityData): Array<{ path: string; at: Date }> {
  const uses: Array<{ path: string; at: Date | null }> = [];
  if (kind === "IAM_ROLE") uses.push({ path: "lastUsedAt", at: toDate(data.lastUsedAt) });
  if (kind === "IAM_CREDENTIAL") {
    uses.push({ path: "passwordLastUsedAt", at: toDate(data.passwordLastUsedAt) });
    const keys = Array.isArray(data.accessKeys) ? (data.accessKeys as EntityData[]) : [];
    keys.forEach((key, index) =>
      uses.push({ path: `accessKeys[${String(key.accessKeyId ?? index)}].lastUsedAt`, at: toDate(key.lastUsedAt) }),
    );
  }
  return uses.filter((use): use is { path: string; at: Date } => use.at !== null);
}

/**
 * Last-use churn: the snapshot keeps "last used" fields out of its versions and refreshes them in
 * place, so their history is not stored; what is known is each role's and credential's latest use,
 * which moved within the snapshot window that contains it. Reported there, one item per entity.
 */
export async function findLastUsedChurn(
  db: Db,
  filter: { from?: Date; to?: Date; kind?: EntityKind; accountId?: string },
): Promise<LastUsedChurn[]> {
  if (filter.kind && !(CHURN_KINDS as readonly string[]).includes(filter.kind)) return [];
  const windows = await db.$queryRaw<Window[]>(sql`
    SELECT id AS "snapshotId", "asOf", prev AS "previousSnapshotId", "prevAsOf" AS "previousAsOf" FROM (
      SELECT s.id, s."asOf", lag(s.id) OVER (ORDER BY s.id) AS prev, lag(s."asOf") OVER (ORDER BY s.id) AS "prevAsOf"
        FROM "Snapshot" s WHERE ${isReadableSnapshot("s")}
    ) snaps
     WHERE prev IS NOT NULL
       AND (${filter.from ?? null}::timestamp IS NULL OR "asOf" >= ${filter.from ?? null}::timestamp)
       AND (${filter.to ?? null}::timestamp IS NULL OR "asOf" < ${filter.to ?? null}::timestamp)
     ORDER BY id`);
  if (windows.length === 0) return [];
  // ISO dates sort as text: a day's margin keeps the coarse SQL filter from dropping a use near the bound.
  const since = new Date(windows[0]!.previousAsOf.getTime() - 86_400_000).toISOString();
  const kinds = filter.kind ? [filter.kind] : [...CHURN_KINDS];
  const rows = await db.$queryRaw<Array<{ kind: EntityKind; naturalKey: string; accountId: string | null; data: EntityData }>>(sql`
    SELECT v.kind, v."naturalKey", v."accountId", v.data FROM "EntityVersion" v
     WHERE v."validTo" IS NULL AND v.kind::text = ANY(${kinds}::text[])
       AND (${filter.accountId ?? null}::text IS NULL OR v."accountId" = ${filter.accountId ?? null}::text)
       AND (v.data ->> 'lastUsedAt' >= ${since} OR v.data ->> 'passwordLastUsedAt' >= ${since}
            OR (jsonb_typeof(v.data -> 'accessKeys') = 'array'
                AND EXISTS (SELECT 1 FROM jsonb_array_elements(v.data -> 'accessKeys') k WHERE k ->> 'lastUsedAt' >= ${since})))
     ORDER BY v.kind, v."naturalKey"
     LIMIT ${MAX_USED}`);
  const out: LastUsedChurn[] = [];
  for (const row of rows) {
    const byWindow = new Map<number, JsonChange[]>();
    for (const use of lastUses(row.kind, row.data)) {
      const window = windows.find((w) => use.at > w.previousAsOf && use.at <= w.asOf);
      if (!window) continue;
      const changes = byWindow.get(window.snapshotId) ?? [];
      changes.push({ path: use.path, kind: "changed", after: use.at.toISOString() });
      byWindow.set(window.snapshotId, changes);
    }
    for (const [snapshotId, changes] of byWindow) {
      const window = windows.find((w) => w.snapshotId === snapshotId)!;
      out.push({ ...window, kind: row.kind, naturalKey: row.naturalKey, accountId: row.accountId, before: null, after: row.data, changes });
    }
  }
  return out;
}
