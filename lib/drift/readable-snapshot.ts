import type { Db, Prisma } from "../db";
import { isReadableStatus } from "../snapshot";
import { snapshotNotFound, snapshotNotReadable } from "./drift-errors";

export interface ReadableSnapshot {
  id: number;
  asOf: Date;
  status: Prisma.SnapshotStatus;
  source: Prisma.SnapshotSource;
}

/** The snapshot, if it exists and is readable (lib/snapshot's rule); a DriftError naming the id otherwise. */
export async function getReadableSnapshotOrThrow(db: Db, id: number): Promise<ReadableSnapshot> {
  const snapshot = await db.snapshot.findUnique({ where: { id }, select: { id: true, asOf: true, status: true, source: true } });
  if (!snapshot) throw snapshotNotFound(id);
  if (!isReadableStatus(snapshot.status)) throw snapshotNotReadable(id, snapshot.status);
  return snapshot;
}
