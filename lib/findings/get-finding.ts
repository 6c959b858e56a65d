import type { Db } from "../db";
import { sql } from "../snapshot";
import { findingNotFound } from "./finding-errors";
import { findingSelect, type FindingRow } from "./list-findings";

export interface FindingHistoryEntry {
  type: string;
  snapshotId: number | null;
  actor: string | null;
  reason: string | null;
  details: unknown;
  at: Date;
}

export interface FindingDetail extends FindingRow {
  history: FindingHistoryEntry[];
}

/** One finding with its latest evidence and its whole history, oldest first. */
export async function getFinding(db: Db, id: number, now: Date = new Date()): Promise<FindingDetail> {
  const [row] = await db.$queryRaw<FindingRow[]>(sql`SELECT ${findingSelect(now)} FROM "Finding" f WHERE f.id = ${id}`);
  if (!row) throw findingNotFound(id);
  const events = await db.findingEvent.findMany({
    where: { findingId: id },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select: { type: true, snapshotId: true, actor: true, reason: true, details: true, at: true },
  });
  const history: FindingHistoryEntry[] = events.map((e) => ({ ...e, type: e.type.toLowerCase() }));
  // An expired suppression reads as reopened before the next evaluation records it.
  if (row.status === "reopened" && history.at(-1)?.type === "suppressed") {
    const last = history.at(-1);
    const until = (last?.details as { until?: string } | null)?.until;
    history.push({
      type: "suppression_expired",
      snapshotId: null,
      actor: null,
      reason: null,
      details: { until },
      at: until ? new Date(until) : now,
    });
  }
  return { ...row, history };
}
