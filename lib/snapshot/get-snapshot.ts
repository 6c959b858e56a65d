import type { Db } from "../db";
import { snapshotNotFound } from "./snapshot-errors";

/** One snapshot with its coverage, stats and per-account/section errors. */
export async function getSnapshotOrThrow(db: Db, id: number) {
  const snapshot = await db.snapshot.findUnique({
    where: { id },
    include: { errors: { orderBy: [{ accountId: "asc" }, { id: "asc" }] } },
  });
  if (!snapshot) throw snapshotNotFound(id);
  return snapshot;
}

export type SnapshotDetail = Awaited<ReturnType<typeof getSnapshotOrThrow>>;
