import type { Db } from "../db";
import { whereReadable } from "./readable-snapshot";
import { parseSnapshotJson } from "./snapshot-run-json";

/** The snapshot every reader should use: the newest COMPLETE or PARTIAL one (null before the first). */
export async function getLatestReadableSnapshot(db: Db) {
  const snapshot = await db.snapshot.findFirst({
    where: whereReadable(),
    orderBy: { id: "desc" },
    select: { id: true, source: true, status: true, asOf: true, finishedAt: true, counts: true, failure: true },
  });
  return snapshot && { ...snapshot, counts: parseSnapshotJson(snapshot.id, "counts", snapshot.counts) };
}
