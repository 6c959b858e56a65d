import { z } from "zod";
import type { Db, Prisma } from "../db";
import { pageBounds, parseSnapshotJson } from "../snapshot";
import { pagingSchema, sortParam, type Page, type SortDirection } from "./list-query";

export const SNAPSHOT_SORTS = ["id", "durationMs", "errors"] as const;
export type SnapshotSort = (typeof SNAPSHOT_SORTS)[number];
const STATUSES = ["RUNNING", "COMPLETE", "PARTIAL", "FAILED"] as const;
const SOURCES = ["LIVE", "IMPORT"] as const;

export const snapshotListParams = z.object({
  status: z.enum(STATUSES).optional(),
  source: z.enum(SOURCES).optional(),
  sort: sortParam(SNAPSHOT_SORTS, "id"),
  ...pagingSchema,
  dir: pagingSchema.dir.unwrap().default("desc"),
});

export interface FindSnapshotHistoryInput {
  status?: Prisma.SnapshotStatus;
  source?: Prisma.SnapshotSource;
  sort: SnapshotSort;
  dir: SortDirection;
  page: number;
  pageSize: number;
}

export interface SnapshotHistoryRow {
  id: number;
  source: Prisma.SnapshotSource;
  status: Prisma.SnapshotStatus;
  startedAt: Date;
  finishedAt: Date | null;
  asOf: Date;
  durationMs: number | null;
  /** entities seen, across kinds; null while running or when the run failed */
  entitiesSeen: number | null;
  /** versions written (new or changed entities) */
  versionsWritten: number | null;
  failure: string | null;
  errorCount: number;
}

/** Snapshot runs of every status (the history page), filtered and sorted. */
export async function findSnapshotHistory(db: Db, input: FindSnapshotHistoryInput): Promise<Page<SnapshotHistoryRow, SnapshotSort>> {
  const where = { ...(input.status ? { status: input.status } : {}), ...(input.source ? { source: input.source } : {}) };
  const order = {
    id: [{ id: input.dir }],
    durationMs: [{ durationMs: { sort: input.dir, nulls: "last" as const } }, { id: "desc" as const }],
    errors: [{ errors: { _count: input.dir } }, { id: "desc" as const }],
  }[input.sort];
  const { limit, offset } = pageBounds(input.page, input.pageSize);
  const [rows, total] = await Promise.all([
    db.snapshot.findMany({
      where,
      orderBy: order,
      skip: offset,
      take: limit,
      select: {
        id: true,
        source: true,
        status: true,
        startedAt: true,
        finishedAt: true,
        asOf: true,
        durationMs: true,
        counts: true,
        failure: true,
        _count: { select: { errors: true } },
      },
    }),
    db.snapshot.count({ where }),
  ]);
  return {
    rows: rows.map(({ counts, _count, ...row }) => {
      const totals = parseSnapshotJson(row.id, "counts", counts)?.totals;
      return { ...row, entitiesSeen: totals?.seen ?? null, versionsWritten: totals?.inserted ?? null, errorCount: _count.errors };
    }),
    total,
    page: input.page,
    pageSize: input.pageSize,
    sort: { by: input.sort, dir: input.dir },
  };
}
