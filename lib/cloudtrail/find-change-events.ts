import { z } from "zod";
import { CHANGE_EVENT_SOURCES, resourceKey } from "../aws";
import type { Db } from "../db";

export const FIND_CHANGE_EVENTS_INPUT = z.object({
  /**
   * What was changed: an IAM role, user, group or policy ARN (with or without its path), a
   * permission set ARN, an account id, an Organizations policy / OU / root id, or a key as
   * `changedResources` writes it (`identitystore:group/<id>` …).
   */
  resource: z.string().min(1).max(2048),
  from: z.coerce.date().optional(),
  /** exclusive */
  to: z.coerce.date().optional(),
  limit: z.number().int().min(1).max(1000).default(200),
});

export type FindChangeEventsInput = z.input<typeof FIND_CHANGE_EVENTS_INPUT>;

/** Who changed what, when and from where. */
export interface ChangeEventRow {
  eventId: string;
  accountId: string;
  eventTime: Date;
  eventName: string;
  eventSource: string;
  awsRegion: string | null;
  actorType: string | null;
  actorArn: string | null;
  actorUserName: string | null;
  /** for a role session: the role; with `identityCenterUser` and `permissionSetName` for an Identity Center session */
  sourcePrincipalArn: string | null;
  sourceSessionName: string | null;
  identityCenterUser: string | null;
  permissionSetName: string | null;
  sourceIp: string | null;
  userAgent: string | null;
  success: boolean;
  errorCode: string | null;
  /** every resource the event changed (`resource` is one of them) */
  resources: string[];
  /** the record's requestParameters: the new trust policy, the attached policy ARN … */
  requestParameters: unknown;
}

/**
 * The write events of IAM, Identity Center, Identity Store and Organizations that changed one
 * resource within [from, to), oldest first — what drift and findings cite as "who changed it".
 * Failed attempts are included (`success` false): a denied change is evidence too.
 */
export async function findChangeEvents(db: Db, input: FindChangeEventsInput): Promise<ChangeEventRow[]> {
  const { resource, from, to, limit } = FIND_CHANGE_EVENTS_INPUT.parse(input);
  const rows = await db.cloudTrailEvent.findMany({
    where: {
      resources: { has: resourceKey(resource) },
      readOnly: false,
      eventSource: { in: [...CHANGE_EVENT_SOURCES] },
      ...(from || to ? { eventTime: { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) } } : {}),
    },
    orderBy: [{ eventTime: "asc" }, { eventId: "asc" }, { accountId: "asc" }],
    take: limit,
    select: {
      eventId: true,
      accountId: true,
      eventTime: true,
      eventName: true,
      eventSource: true,
      awsRegion: true,
      actorType: true,
      actorArn: true,
      actorUserName: true,
      sourcePrincipalArn: true,
      sourceSessionName: true,
      identityCenterUser: true,
      permissionSetName: true,
      sourceIp: true,
      userAgent: true,
      success: true,
      errorCode: true,
      resources: true,
      raw: true,
    },
  });
  return rows.map(({ raw, ...row }) => ({ ...row, requestParameters: requestParametersOf(raw) }));
}

function requestParametersOf(raw: unknown): unknown {
  return typeof raw === "object" && raw !== null && !Array.isArray(raw)
    ? ((raw as Record<string, unknown>).requestParameters ?? null)
    : null;
}
