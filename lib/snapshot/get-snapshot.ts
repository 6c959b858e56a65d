import type { Db } from "../db";
import { snapshotNotFound } from "./snapshot-errors";
import { parseSnapshotJson } from "./snapshot-run-json";

/** One snapshot with its coverage, stats and per-account/section errors; the JSON columns parsed. */
export async function getSnapshotOrThrow(db: Db, id: number) {
  const snapshot = await db.snapshot.findUnique({
    where: { id },
    include: { errors: { orderBy: [{ accountId: "asc" }, { id: "asc" }] } },
  });
  if (!snapshot) throw snapshotNotFound(id);
  return {
    ...snapshot,
    counts: parseSnapshotJson(id, "counts", snapshot.counts),
    coverage: parseSnapshotJson(id, "coverage", snapshot.coverage),
    stats: parseSnapshotJson(id, "stats", snapshot.stats),
  };
}

export type SnapshotDetail = Awaited<ReturnType<typeof getSnapshotOrThrow>>;
