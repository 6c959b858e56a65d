import type { Db } from "../db";

/** A finding that opened (or reopened) or resolved between two snapshots. */
export interface DriftFindingChange {
  findingId: number;
  change: "opened" | "reopened" | "resolved";
  rule: string;
  /** lower-case, as lib/findings names severities */
  severity: string;
  title: string;
  accountId: string | null;
  resourceArn: string;
  at: Date;
  snapshotId: number;
}

const MAX_CHANGES = 5_000;

/**
 * The lifecycle events written by the evaluations of the snapshots after `fromId` up to `toId`
 * (lib/findings writes one per finding and evaluation): opened and reopened, and resolved. The
 * same finding may appear in both lists when it came and went within the interval.
 */
export async function findFindingChanges(
  db: Db,
  fromId: number,
  toId: number,
): Promise<{ opened: DriftFindingChange[]; resolved: DriftFindingChange[]; truncated: boolean }> {
  const [low, high] = fromId <= toId ? [fromId, toId] : [toId, fromId];
  const events = await db.findingEvent.findMany({
    where: { type: { in: ["OPENED", "REOPENED", "RESOLVED"] }, snapshotId: { gt: low, lte: high } },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    take: MAX_CHANGES + 1,
    select: {
      type: true,
      at: true,
      snapshotId: true,
      finding: { select: { id: true, rule: true, severity: true, title: true, accountId: true, resourceArn: true } },
    },
  });
  const changes = events.slice(0, MAX_CHANGES).map((event): DriftFindingChange => ({
    findingId: event.finding.id,
    change: event.type === "RESOLVED" ? "resolved" : event.type === "REOPENED" ? "reopened" : "opened",
    rule: event.finding.rule,
    severity: event.finding.severity.toLowerCase(),
    title: event.finding.title,
    accountId: event.finding.accountId,
    resourceArn: event.finding.resourceArn,
    at: event.at,
    snapshotId: event.snapshotId ?? high,
  }));
  return {
    opened: changes.filter((c) => c.change !== "resolved"),
    resolved: changes.filter((c) => c.change === "resolved"),
    truncated: events.length > MAX_CHANGES,
  };
}
