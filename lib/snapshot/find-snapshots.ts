import { z } from "zod";
import type { Db } from "../db";

export const FIND_SNAPSHOTS_INPUT = z.object({
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(20),
});

export type FindSnapshotsInput = z.input<typeof FIND_SNAPSHOTS_INPUT>;

/** List columns only: coverage and stats can be large for big organizations (getSnapshotOrThrow has them). */
const SUMMARY = {
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
} as const;

/** Snapshots newest first, every status (RUNNING and FAILED included, for the history page). */
export async function findSnapshots(db: Db, input: FindSnapshotsInput = {}) {
  const { page, pageSize } = FIND_SNAPSHOTS_INPUT.parse(input);
  const [rows, total] = await Promise.all([
    db.snapshot.findMany({ select: SUMMARY, orderBy: { id: "desc" }, skip: (page - 1) * pageSize, take: pageSize }),
    db.snapshot.count(),
  ]);
  return {
    rows: rows.map(({ _count, ...row }) => ({ ...row, errorCount: _count.errors })),
    total,
  };
}

export type SnapshotSummary = Awaited<ReturnType<typeof findSnapshots>>["rows"][number];
