import type { Db } from "../db";
import { join, sql, validAsOf, type EntityKind } from "../snapshot";

/**
 * How many entities of each of `kinds` snapshot `snapshotId` holds: the versions valid as of it, the
 * same rows the inventory pages list. Every asked-for kind is present in the answer (0 when none),
 * so callers can render a fixed set of totals. The run's own `counts` would miss entities carried
 * over from scopes a PARTIAL run could not collect.
 */
export async function countEntitiesAsOf<K extends EntityKind>(db: Db, snapshotId: number, kinds: readonly K[]): Promise<Record<K, number>> {
  if (kinds.length === 0) return emptyCounts(kinds);
  const groups = await db.$queryRaw<Array<{ kind: K; n: number }>>(sql`
    SELECT v.kind, count(*)::int AS n FROM "EntityVersion" v
    WHERE v.kind IN (${join(kinds.map((kind) => sql`${kind}::"EntityKind"`))}) AND ${validAsOf("v", snapshotId)}
    GROUP BY v.kind`);
  const counts = emptyCounts(kinds);
  for (const { kind, n } of groups) counts[kind] = n;
  return counts;
}

function emptyCounts<K extends EntityKind>(kinds: readonly K[]): Record<K, number> {
  return Object.fromEntries(kinds.map((kind) => [kind, 0])) as Record<K, number>;
}
