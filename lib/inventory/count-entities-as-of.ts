import type { Db, Prisma } from "../db";

/**
 * How many entities of each of `kinds` snapshot `snapshotId` holds: the versions open as of it, the
 * same rows the inventory pages list. Every asked-for kind is present in the answer (0 when none),
 * so callers can render a fixed set of totals. The run's own `counts` would miss entities carried
 * over from scopes a PARTIAL run could not collect.
 */
export async function countEntitiesAsOf<K extends Prisma.EntityKind>(
  db: Db,
  snapshotId: number,
  kinds: readonly K[],
): Promise<Record<K, number>> {
  const groups = await db.entityVersion.groupBy({
    by: ["kind"],
    where: {
      kind: { in: [...kinds] },
      validFrom: { lte: snapshotId },
      OR: [{ validTo: null }, { validTo: { gt: snapshotId } }],
    },
    _count: { _all: true },
  });
  const counted = new Map<Prisma.EntityKind, number>(groups.map((g) => [g.kind, g._count._all]));
  return Object.fromEntries(kinds.map((kind) => [kind, counted.get(kind) ?? 0])) as Record<K, number>;
}
