import { z } from "zod";
import type { Db } from "../db";
import { notVigilOwnCallsWhere } from "./vigil-own-calls";

export const TRAIL_EVENT_SORT_FIELDS = ["eventTime", "eventName", "accountId", "actorArn", "targetRoleArn"] as const;

export const FIND_TRAIL_EVENTS_INPUT = z.object({
  filters: z
    .object({
      eventName: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
      accountId: z
        .string()
        .regex(/^\d{12}$/)
        .optional(),
      /** matched (case-insensitive, substring) against the caller ARN, user name, source principal and Identity Center user */
      actor: z.string().min(1).max(512).optional(),
      /** role ARN, or a substring of it (role name) */
      targetRole: z.string().min(1).max(512).optional(),
      success: z.boolean().optional(),
      /** leave out Vigil's own audit-role calls (vigil-own-calls.ts) */
      excludeVigil: z.object({ auditRoleName: z.string().min(1), sessionName: z.string().min(1) }).optional(),
      from: z.coerce.date().optional(),
      to: z.coerce.date().optional(),
    })
    .default({}),
  sort: z
    .object({ field: z.enum(TRAIL_EVENT_SORT_FIELDS).default("eventTime"), direction: z.enum(["asc", "desc"]).default("desc") })
    .default({ field: "eventTime", direction: "desc" }),
  page: z
    .object({ page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(500).default(50) })
    .default({ page: 1, pageSize: 50 }),
});

export type FindTrailEventsInput = z.input<typeof FIND_TRAIL_EVENTS_INPUT>;

/** The row as the UI sees it: normalized columns only (the raw record stays server-side). */
const SELECT = {
  eventId: true,
  accountId: true,
  eventTime: true,
  eventName: true,
  eventSource: true,
  awsRegion: true,
  actorType: true,
  actorArn: true,
  actorUserName: true,
  actorAccountId: true,
  sourcePrincipalType: true,
  sourcePrincipalArn: true,
  sourceSessionName: true,
  permissionSetName: true,
  identityCenterUser: true,
  targetRoleArn: true,
  roleSessionName: true,
  mfaUsed: true,
  sourceIp: true,
  userAgent: true,
  success: true,
  errorCode: true,
  errorMessage: true,
  source: true,
} as const;

export interface TrailEventRow {
  eventId: string;
  accountId: string;
  eventTime: Date;
  eventName: string;
  eventSource: string;
  awsRegion: string | null;
  actorType: string | null;
  actorArn: string | null;
  actorUserName: string | null;
  actorAccountId: string | null;
  sourcePrincipalType: string | null;
  sourcePrincipalArn: string | null;
  sourceSessionName: string | null;
  permissionSetName: string | null;
  identityCenterUser: string | null;
  targetRoleArn: string | null;
  roleSessionName: string | null;
  mfaUsed: boolean | null;
  sourceIp: string | null;
  userAgent: string | null;
  success: boolean;
  errorCode: string | null;
  errorMessage: string | null;
  source: "LOOKUP_EVENTS" | "S3_LOG_FILE";
}

export interface TrailEventPage {
  items: TrailEventRow[];
  total: number;
  page: number;
  pageSize: number;
}

/** Filtered, sorted, paged CloudTrail events (ties broken by event id so pages are stable). */
export async function findTrailEvents(db: Db, input: FindTrailEventsInput = {}): Promise<TrailEventPage> {
  const { filters, sort, page } = FIND_TRAIL_EVENTS_INPUT.parse(input);
  const contains = (value: string) => ({ contains: value, mode: "insensitive" as const });
  const where = {
    ...(filters.eventName ? { eventName: Array.isArray(filters.eventName) ? { in: filters.eventName } : filters.eventName } : {}),
    ...(filters.accountId ? { accountId: filters.accountId } : {}),
    ...(filters.success !== undefined ? { success: filters.success } : {}),
    ...(filters.targetRole ? { targetRoleArn: contains(filters.targetRole) } : {}),
    ...(filters.from || filters.to
      ? { eventTime: { ...(filters.from ? { gte: filters.from } : {}), ...(filters.to ? { lt: filters.to } : {}) } }
      : {}),
    ...(filters.actor
      ? {
          OR: [
            { actorArn: contains(filters.actor) },
            { actorUserName: contains(filters.actor) },
            { sourcePrincipalArn: contains(filters.actor) },
            { sourceSessionName: contains(filters.actor) },
            { identityCenterUser: contains(filters.actor) },
          ],
        }
      : {}),
    ...(filters.excludeVigil ? notVigilOwnCallsWhere(filters.excludeVigil) : {}),
  };
  const [items, total] = await Promise.all([
    db.cloudTrailEvent.findMany({
      where,
      select: SELECT,
      orderBy: [{ [sort.field]: sort.direction }, { eventId: "asc" }, { accountId: "asc" }],
      skip: (page.page - 1) * page.pageSize,
      take: page.pageSize,
    }),
    db.cloudTrailEvent.count({ where }),
  ]);
  return { items, total, page: page.page, pageSize: page.pageSize };
}
