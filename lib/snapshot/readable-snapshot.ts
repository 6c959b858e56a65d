import type { Db, Prisma } from "../db";
import { snapshotNotFound, snapshotNotReadable } from "./snapshot-errors";
import { join, quoteAlias, sql, type Sql } from "./sql";

/** The only statuses that are a view of anything: RUNNING is half-written, FAILED was rolled back. */
export const READABLE_STATUSES = ["COMPLETE", "PARTIAL"] as const satisfies readonly Prisma.SnapshotStatus[];
export type ReadableStatus = (typeof READABLE_STATUSES)[number];

export function isReadableStatus(status: Prisma.SnapshotStatus): status is ReadableStatus {
  return (READABLE_STATUSES as readonly Prisma.SnapshotStatus[]).includes(status);
}

/** The Prisma `where` of readable snapshots (a fresh object: Prisma wants a mutable array). */
export function whereReadable(): { status: { in: Prisma.SnapshotStatus[] } } {
  return { status: { in: [...READABLE_STATUSES] } };
}

/** The same rule in SQL, on a "Snapshot" row under `alias`. */
export function isReadableSnapshot(alias: string): Sql {
  const statuses = join(READABLE_STATUSES.map((status) => sql`${status}::"SnapshotStatus"`));
  return sql`${quoteAlias(alias)}.status IN (${statuses})`;
}

/** Throws unless the snapshot exists and is readable. */
export async function assertReadable(db: Db, snapshotId: number): Promise<void> {
  const snapshot = await db.snapshot.findUnique({ where: { id: snapshotId }, select: { status: true } });
  if (!snapshot) throw snapshotNotFound(snapshotId);
  if (!isReadableStatus(snapshot.status)) throw snapshotNotReadable(snapshotId, snapshot.status);
}
