import type { CollectionError, InventoryCoverage } from "../aws";
import type { Db, Prisma } from "../db";
import { getSnapshotOrThrow, type WriteCounts } from "../snapshot";

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
  startedAt: Date;
  finishedAt: Date | null;
  asOf: Date;
  durationMs: number | null;
  failure: string | null;
  counts: WriteCounts | null;
  coverage: InventoryCoverage | null;
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
      where: { id: { lt: id }, status: { in: ["COMPLETE", "PARTIAL"] } },
      orderBy: { id: "desc" },
      select: { id: true },
    }),
  ]);
  const stats = (snapshot.stats ?? {}) as { apiCalls?: Record<string, number> };
  return {
    id: snapshot.id,
    source: snapshot.source,
    status: snapshot.status,
    startedAt: snapshot.startedAt,
    finishedAt: snapshot.finishedAt,
    asOf: snapshot.asOf,
    durationMs: snapshot.durationMs,
    failure: snapshot.failure,
    // Written by lib/snapshot's takeSnapshot in exactly these shapes.
    counts: snapshot.counts as unknown as WriteCounts | null,
    coverage: snapshot.coverage as unknown as InventoryCoverage | null,
    apiCalls: stats.apiCalls ?? {},
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
