import { z } from "zod";
import type { AssumeRoleTimeSeriesInput, FindTrailEventsInput, VigilIdentity } from "@/lib/cloudtrail";
import { pageParam, sortParam } from "@/lib/inventory";
import { eventDateRange } from "./event-dates";

const SORTS = ["eventTime", "eventName", "accountId", "actorArn", "targetRoleArn"] as const;
const DAY_MS = 86_400_000;
/** Without a range, the chart shows this many days up to the newest stored event. */
export const DEFAULT_CHART_DAYS = 30;
/** Ranges up to this many days are charted per hour, longer ones per day. */
const HOURLY_UP_TO_DAYS = 3;
/**
 * A longer range charts only its last this-many days (the table still lists all of it): the time
 * series refuses more than 5,000 buckets, and a wider chart shows nothing more.
 */
export const MAX_CHART_DAYS = 1_000;

export const eventListParams = z
  .object({
    eventName: z.string().trim().min(1).max(128).optional(),
    accountId: z
      .string()
      .regex(/^\d{12}$/, "accountId must be a 12-digit account id")
      .optional(),
    actor: z.string().trim().min(1).max(512).optional(),
    targetRole: z.string().trim().min(1).max(512).optional(),
    success: z.enum(["yes", "no"]).optional(),
    /** Vigil's own audit-role calls are hidden unless this says to show them */
    vigil: z.enum(["shown"], { error: "vigil must be shown (or absent)" }).optional(),
    sort: sortParam(SORTS, "eventTime"),
    dir: z.enum(["asc", "desc"], { error: "dir must be asc or desc" }).default("desc"),
    page: pageParam,
    pageSize: z.coerce.number().int().min(1).max(500, "pageSize must be at most 500").default(50),
  })
  .and(eventDateRange);

export type EventListParams = z.output<typeof eventListParams>;

export type ChartRange = AssumeRoleTimeSeriesInput & { from: Date; to: Date; bucket: "hour" | "day" };

const startOfDay = (date: string) => new Date(`${date}T00:00:00.000Z`);

/**
 * The table query: the `to` day is included, so the bound is the next midnight; Vigil's own calls
 * are left out (as `vigil` identifies them) unless the address asks for them.
 */
export function toTrailEventsInput(p: EventListParams, vigil?: VigilIdentity): FindTrailEventsInput {
  return {
    filters: {
      excludeVigil: p.vigil === "shown" ? undefined : vigil,
      eventName: p.eventName,
      accountId: p.accountId,
      actor: p.actor,
      targetRole: p.targetRole,
      success: p.success === undefined ? undefined : p.success === "yes",
      from: p.from ? startOfDay(p.from) : undefined,
      to: p.to ? new Date(startOfDay(p.to).getTime() + DAY_MS) : undefined,
    },
    sort: { field: p.sort, direction: p.dir },
    page: { page: p.page, pageSize: p.pageSize },
  };
}

/**
 * The chart's range: the filter's dates when given, else the last DEFAULT_CHART_DAYS up to the newest
 * stored event (imported trails can be old, so "up to now" could show an empty chart); at most
 * MAX_CHART_DAYS.
 */
export function toTimeSeriesInput(p: EventListParams, newestEvent: Date | null): ChartRange {
  const end = p.to ? startOfDay(p.to).getTime() + DAY_MS : Math.floor((newestEvent ?? new Date()).getTime() / DAY_MS) * DAY_MS + DAY_MS;
  const start = Math.max(p.from ? startOfDay(p.from).getTime() : end - DEFAULT_CHART_DAYS * DAY_MS, end - MAX_CHART_DAYS * DAY_MS);
  const bucket = end - start <= HOURLY_UP_TO_DAYS * DAY_MS ? "hour" : "day";
  return { from: new Date(start), to: new Date(end), bucket, accountId: p.accountId };
}
