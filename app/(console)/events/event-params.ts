import { z } from "zod";
import type { AssumeRoleTimeSeriesInput, FindTrailEventsInput } from "@/lib/cloudtrail";
import { pageParam, sortParam } from "@/lib/inventory";

const SORTS = ["eventTime", "eventName", "accountId", "actorArn", "targetRoleArn"] as const;
const DAY_MS = 86_400_000;
/** Without a range, the chart shows this many days up to the newest stored event. */
export const DEFAULT_CHART_DAYS = 30;
/** Ranges up to this many days are charted per hour, longer ones per day. */
const HOURLY_UP_TO_DAYS = 3;

export const eventListParams = z
  .object({
    eventName: z.string().trim().min(1).max(128).optional(),
    accountId: z.string().regex(/^\d{12}$/, "accountId must be a 12-digit account id").optional(),
    actor: z.string().trim().min(1).max(512).optional(),
    targetRole: z.string().trim().min(1).max(512).optional(),
    success: z.enum(["yes", "no"]).optional(),
    from: z.iso.date("from must be a date like 2025-01-31").optional(),
    to: z.iso.date("to must be a date like 2025-01-31").optional(),
    sort: sortParam(SORTS, "eventTime"),
    dir: z.enum(["asc", "desc"], { error: "dir must be asc or desc" }).default("desc"),
    page: pageParam,
    pageSize: z.coerce.number().int().min(1).max(500, "pageSize must be at most 500").default(50),
  })
  .refine((p) => !p.from || !p.to || p.from <= p.to, { message: "from must not be after to", path: ["from"] });

export type EventListParams = z.output<typeof eventListParams>;

export type ChartRange = AssumeRoleTimeSeriesInput & { from: Date; to: Date; bucket: "hour" | "day" };

const startOfDay = (date: string) => new Date(`${date}T00:00:00.000Z`);

/** The table query: the `to` day is included, so the bound is the next midnight. */
export function toTrailEventsInput(p: EventListParams): FindTrailEventsInput {
  return {
    filters: {
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
 * stored event (imported trails can be old, so "up to now" could show an empty chart).
 */
export function toTimeSeriesInput(p: EventListParams, newestEvent: Date | null): ChartRange {
  const end = p.to ? startOfDay(p.to).getTime() + DAY_MS : Math.floor((newestEvent ?? new Date()).getTime() / DAY_MS) * DAY_MS + DAY_MS;
  const start = p.from ? startOfDay(p.from).getTime() : end - DEFAULT_CHART_DAYS * DAY_MS;
  const bucket = end - start <= HOURLY_UP_TO_DAYS * DAY_MS ? "hour" : "day";
  return { from: new Date(start), to: new Date(end), bucket, accountId: p.accountId };
}
