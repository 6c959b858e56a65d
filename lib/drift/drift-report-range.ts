import { z } from "zod";
import type { Db } from "../db";
import { whereReadable } from "../snapshot";
import { DriftError, notEnoughSnapshots } from "./drift-errors";
import { getReadableSnapshotOrThrow, type ReadableSnapshot } from "./readable-snapshot";

/**
 * One end of a drift report as a person names it: a snapshot id (`42`), a review campaign
 * (`campaign:3`, its snapshot) or a date-time (`2026-03-01` or full ISO 8601: the last readable
 * snapshot taken by then).
 */
export type DriftReportPoint = { kind: "snapshot"; id: number } | { kind: "campaign"; id: number } | { kind: "date"; at: Date };

const MAX_POINT_LENGTH = 64;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Parses `42`, `campaign:3` (or `c3`) and ISO dates; null when the text is none of them. */
export function parseDriftReportPoint(text: string): DriftReportPoint | null {
  const value = text.trim();
  if (value.length === 0 || value.length > MAX_POINT_LENGTH) return null;
  if (/^\d{1,9}$/.test(value) && Number(value) > 0) return { kind: "snapshot", id: Number(value) };
  const campaign = /^(?:campaign:?|c)(\d{1,9})$/i.exec(value);
  if (campaign && Number(campaign[1]) > 0) return { kind: "campaign", id: Number(campaign[1]) };
  if (!ISO_DATE.test(value)) return null;
  const at = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(at.getTime()) ? null : { kind: "date", at };
}

export const DRIFT_REPORT_POINT = z
  .string()
  .max(MAX_POINT_LENGTH)
  .transform((text, ctx) => {
    const point = parseDriftReportPoint(text);
    if (!point) {
      ctx.addIssue({ code: "custom", message: "must be a snapshot id, campaign:<id> or an ISO date" });
      return z.NEVER;
    }
    return point;
  });

/** Why the report starts where it does: named by the caller, the previous campaign's snapshot, or a week back. */
export type DriftReportBasis = "given" | "previous-campaign" | "previous-week" | "oldest";

export interface DriftReportRange {
  from: ReadableSnapshot;
  to: ReadableSnapshot;
  basis: DriftReportBasis;
  /** the campaign whose snapshot starts the report, when it does */
  campaignId: number | null;
}

const SELECT = { id: true, asOf: true, status: true, source: true } as const;
const WEEK_MS = 7 * 86_400_000;

const campaignNotFound = (id: number) => new DriftError("SNAPSHOT_NOT_FOUND", "NOT_FOUND", `review campaign ${id} does not exist`);

async function snapshotOfPoint(db: Db, point: DriftReportPoint, end: "since" | "until"): Promise<ReadableSnapshot> {
  switch (point.kind) {
    case "snapshot":
      return getReadableSnapshotOrThrow(db, point.id);
    case "campaign": {
      const campaign = await db.reviewCampaign.findUnique({ where: { id: point.id }, select: { snapshotId: true } });
      if (!campaign) throw campaignNotFound(point.id);
      return getReadableSnapshotOrThrow(db, campaign.snapshotId);
    }
    case "date": {
      const atOrBefore = await db.snapshot.findFirst({
        where: { ...whereReadable(), asOf: { lte: point.at } },
        orderBy: [{ asOf: "desc" }, { id: "desc" }],
        select: SELECT,
      });
      if (atOrBefore) return atOrBefore;
      // A start before the first snapshot starts at the first one; an end before it has nothing.
      const first =
        end === "since" ? await db.snapshot.findFirst({ where: whereReadable(), orderBy: { id: "asc" }, select: SELECT }) : null;
      if (first) return first;
      throw new DriftError("SNAPSHOT_NOT_FOUND", "NOT_FOUND", `no readable snapshot was taken by ${point.at.toISOString()}`);
    }
  }
}

/**
 * The two snapshots a drift report compares. `until` defaults to the latest readable snapshot;
 * `since` to the snapshot of the newest review campaign before it, else the last snapshot at
 * least a week older, else the oldest readable one.
 */
export async function resolveDriftReportRange(
  db: Db,
  input: { since?: DriftReportPoint; until?: DriftReportPoint },
): Promise<DriftReportRange> {
  const to = input.until
    ? await snapshotOfPoint(db, input.until, "until")
    : await db.snapshot.findFirst({ where: whereReadable(), orderBy: { id: "desc" }, select: SELECT });
  if (!to) throw notEnoughSnapshots(0);
  if (input.since) {
    const from = await snapshotOfPoint(db, input.since, "since");
    return { from, to, basis: "given", campaignId: input.since.kind === "campaign" ? input.since.id : null };
  }
  const campaign = await db.reviewCampaign.findFirst({
    where: { snapshotId: { lt: to.id } },
    orderBy: [{ snapshotId: "desc" }, { id: "desc" }],
    select: { id: true, snapshotId: true },
  });
  if (campaign) {
    const from = await db.snapshot.findFirst({ where: { ...whereReadable(), id: campaign.snapshotId }, select: SELECT });
    if (from) return { from, to, basis: "previous-campaign", campaignId: campaign.id };
  }
  const weekBack = await db.snapshot.findFirst({
    where: { ...whereReadable(), id: { lt: to.id }, asOf: { lte: new Date(to.asOf.getTime() - WEEK_MS) } },
    orderBy: [{ asOf: "desc" }, { id: "desc" }],
    select: SELECT,
  });
  if (weekBack) return { from: weekBack, to, basis: "previous-week", campaignId: null };
  const oldest = await db.snapshot.findFirst({ where: { ...whereReadable(), id: { lt: to.id } }, orderBy: { id: "asc" }, select: SELECT });
  if (!oldest) throw notEnoughSnapshots(1);
  return { from: oldest, to, basis: "oldest", campaignId: null };
}
