import type { Db } from "../db";
import { snapshotNotFound, snapshotNotReadable } from "./snapshot-errors";

export const READABLE_STATUSES = ["COMPLETE", "PARTIAL"] as const;

/**
 * Versions visible as of snapshot $n: started at or before it and not closed by it or earlier.
 * A RUNNING snapshot's inserts (validFrom = its id) and closes (validTo = its id) are both outside
 * any earlier snapshot's view, which is why readers pinned to a readable snapshot never see a
 * half-written run.
 */
export function visibleAt(param: string): string {
  return `"validFrom" <= ${param} AND ("validTo" IS NULL OR "validTo" > ${param})`;
}

/** Throws unless the snapshot exists and is COMPLETE or PARTIAL (RUNNING/FAILED states are not a view). */
export async function assertReadable(db: Db, snapshotId: number): Promise<void> {
  const snapshot = await db.snapshot.findUnique({ where: { id: snapshotId }, select: { status: true } });
  if (!snapshot) throw snapshotNotFound(snapshotId);
  if (!(READABLE_STATUSES as readonly string[]).includes(snapshot.status)) throw snapshotNotReadable(snapshotId, snapshot.status);
}
