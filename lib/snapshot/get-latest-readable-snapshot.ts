import type { Db } from "../db";
import { READABLE_STATUSES } from "./readable-snapshot";

/** The snapshot every reader should use: the newest COMPLETE or PARTIAL one (null before the first). */
export async function getLatestReadableSnapshot(db: Db) {
  return db.snapshot.findFirst({
    where: { status: { in: [...READABLE_STATUSES] } },
    orderBy: { id: "desc" },
    select: { id: true, source: true, status: true, asOf: true, finishedAt: true, counts: true, failure: true },
  });
}
