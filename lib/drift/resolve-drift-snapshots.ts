import type { Db } from "../db";
import { whereReadable } from "../snapshot";
import { notEnoughSnapshots } from "./drift-errors";
import { getReadableSnapshotOrThrow, type ReadableSnapshot } from "./readable-snapshot";

const SELECT = { id: true, asOf: true, status: true, source: true } as const;

/**
 * The two snapshots a drift compares. Both given: those (each must be readable). Neither: the
 * last two readable snapshots. Only `toId`: the readable snapshot before it. Only `fromId`: the
 * latest readable snapshot.
 */
export async function resolveDriftSnapshots(
  db: Db,
  input: { fromId?: number; toId?: number },
): Promise<{ from: ReadableSnapshot; to: ReadableSnapshot }> {
  if (input.fromId !== undefined && input.toId !== undefined) {
    const [from, to] = await Promise.all([getReadableSnapshotOrThrow(db, input.fromId), getReadableSnapshotOrThrow(db, input.toId)]);
    return { from, to };
  }
  if (input.toId !== undefined) {
    const to = await getReadableSnapshotOrThrow(db, input.toId);
    const from = await db.snapshot.findFirst({ where: { ...whereReadable(), id: { lt: to.id } }, orderBy: { id: "desc" }, select: SELECT });
    if (!from) throw notEnoughSnapshots(1);
    return { from, to };
  }
  const latest = await db.snapshot.findMany({ where: whereReadable(), orderBy: { id: "desc" }, take: 2, select: SELECT });
  if (input.fromId !== undefined) {
    const from = await getReadableSnapshotOrThrow(db, input.fromId);
    const to = latest[0];
    if (!to) throw notEnoughSnapshots(0);
    return { from, to };
  }
  const [to, from] = latest;
  if (!to || !from) throw notEnoughSnapshots(latest.length);
  return { from, to };
}
