import type { CollectionError } from "../aws";
import type { Db, Prisma } from "../db";
import { getSnapshotOrThrow, isReadableStatus, whereReadable, type SnapshotCounts, type SnapshotCoverage } from "../snapshot";

export interface SnapshotErrorRow {
  id: number;
  accountId: string | null;
  service: CollectionError["service"];
  operation: string;
  code: string;
  message: string;
  at: Date;
}

export interface SnapshotReport {
  id: number;
  source: Prisma.SnapshotSource;
  status: Prisma.SnapshotStatus;
  /** COMPLETE or PARTIAL: the inventory can be browsed as of it */
  isReadable: boolean;
  startedAt: Date;
  finishedAt: Date | null;
  asOf: Date;
  durationMs: number | null;
  failure: string | null;
  counts: SnapshotCounts | null;
  coverage: SnapshotCoverage | null;
  /** API calls per service prefix */
  apiCalls: Record<string, number>;
  errors: SnapshotErrorRow[];
  /** the newest readable snapshot before this one, to diff against */
  previousReadableId: number | null;
}

/** A snapshot's run report: status, counts, coverage, API calls and per-account errors. Throws when absent. */
export async function getSnapshotReport(db: Db, id: number): Promise<SnapshotReport> {
  const [snapshot, previous] = await Promise.all([
    getSnapshotOrThrow(db, id),
    db.snapshot.findFirst({
      where: { id: { lt: id }, ...whereReadable() },
      orderBy: { id: "desc" },
      select: { id: true },
    }),
  ]);
  return {
    id: snapshot.id,
    source: snapshot.source,
    status: snapshot.status,
    isReadable: isReadableStatus(snapshot.status),
    startedAt: snapshot.startedAt,
    finishedAt: snapshot.finishedAt,
    asOf: snapshot.asOf,
    durationMs: snapshot.durationMs,
    failure: snapshot.failure,
    counts: snapshot.counts,
    coverage: snapshot.coverage,
    apiCalls: snapshot.stats?.apiCalls ?? {},
    errors: snapshot.errors.map(({ id: errorId, accountId, service, operation, code, message, at }) => ({
      id: errorId,
      accountId,
      service,
      operation,
      code,
      message,
      at,
    })),
    previousReadableId: previous?.id ?? null,
  };
}
