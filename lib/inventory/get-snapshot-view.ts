import type { Db, Prisma } from "../db";
import { isReadableStatus, READABLE_STATUSES, whereReadable } from "../snapshot";

/** A snapshot as the inventory pages name it: enough for the selector and "as of" captions. */
export interface SnapshotRef {
  id: number;
  status: Prisma.SnapshotStatus;
  source: Prisma.SnapshotSource;
  asOf: Date;
}

export type SnapshotView =
  | { state: "ready"; snapshot: SnapshotRef; /** newest first, for the selector */ options: SnapshotRef[] }
  | { state: "none" }
  | { state: "unreadable"; message: string };

/** How many readable snapshots the selector offers; older ones stay reachable by `?snapshot=`. */
export const SNAPSHOT_OPTION_LIMIT = 100;

const SELECT = { id: true, status: true, source: true, asOf: true } as const;

/**
 * The snapshot an inventory page reads: the one asked for, else the latest readable one, plus the
 * choices for the selector. An unreadable or unknown id is reported, never silently replaced.
 */
export async function getSnapshotView(db: Db, requestedId?: number): Promise<SnapshotView> {
  const options = await db.snapshot.findMany({
    where: whereReadable(),
    orderBy: { id: "desc" },
    take: SNAPSHOT_OPTION_LIMIT,
    select: SELECT,
  });
  if (requestedId === undefined) {
    const latest = options[0];
    return latest ? { state: "ready", snapshot: latest, options } : { state: "none" };
  }
  const requested =
    options.find((o) => o.id === requestedId) ?? (await db.snapshot.findUnique({ where: { id: requestedId }, select: SELECT }));
  if (!requested) return { state: "unreadable", message: `Snapshot ${requestedId} does not exist.` };
  if (!isReadableStatus(requested.status)) {
    const readable = READABLE_STATUSES.join(" or ");
    return { state: "unreadable", message: `Snapshot ${requestedId} is ${requested.status}; only ${readable} snapshots can be browsed.` };
  }
  return { state: "ready", snapshot: requested, options: options.some((o) => o.id === requested.id) ? options : [requested, ...options] };
}
