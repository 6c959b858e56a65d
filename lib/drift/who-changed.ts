import { findChangeEvents, type ChangeEventRow } from "../cloudtrail";
import type { Db } from "../db";
import type { EntityData, EntityKind } from "../snapshot";

/** One CloudTrail write event about an entity: who, when, from where, what. */
export interface ChangeEvent {
  eventId: string;
  eventTime: Date;
  eventName: string;
  eventSource: string;
  accountId: string;
  awsRegion: string | null;
  /** the caller: for an Identity Center session, the person (`identityCenterUser`) is the one to name */
  actorArn: string | null;
  actorUserName: string | null;
  identityCenterUser: string | null;
  sourceIp: string | null;
  success: boolean;
  errorCode: string | null;
}

/** How the write events about one entity are found: by one resource key, and every other key the event must also name. */
interface EventQuery {
  resource: string;
  alsoNames: string[];
}

/** Per entity, at most this many events are cited (the oldest first, as they happened). */
const EVENTS_PER_ENTITY = 20;

/**
 * The keys lib/cloudtrail's `changedResources` files an entity's write events under. An assignment
 * is found by its principal and must also name its permission set and account; a membership by its
 * group and user (CreateGroupMembership) or by its own id (DeleteGroupMembership names only that).
 */
function eventQueriesFor(kind: EntityKind, naturalKey: string, data: EntityData): EventQuery[] {
  const id = (value: unknown) => (typeof value === "string" && value !== "" ? value : null);
  switch (kind) {
    case "IAM_ROLE":
    case "IAM_USER":
    case "IAM_GROUP":
    case "IAM_POLICY":
    case "PERMISSION_SET":
    case "ACCOUNT":
    case "ORG_UNIT":
    case "ORG_ROOT":
    case "SERVICE_CONTROL_POLICY":
      return [{ resource: naturalKey, alsoNames: [] }];
    case "IAM_CREDENTIAL":
      return data.isRoot === true ? [] : [{ resource: naturalKey, alsoNames: [] }];
    case "IDC_USER":
      return [{ resource: `identitystore:user/${naturalKey}`, alsoNames: [] }];
    case "IDC_GROUP":
      return [{ resource: `identitystore:group/${naturalKey}`, alsoNames: [] }];
    case "IDC_GROUP_MEMBERSHIP": {
      const [groupId, userId, membershipId] = [id(data.groupId), id(data.userId), id(data.membershipId)];
      const queries: EventQuery[] = [];
      if (groupId && userId) queries.push({ resource: `identitystore:group/${groupId}`, alsoNames: [`identitystore:user/${userId}`] });
      if (membershipId) queries.push({ resource: `identitystore:membership/${membershipId}`, alsoNames: [] });
      return queries;
    }
    case "ACCOUNT_ASSIGNMENT": {
      const [accountId, permissionSetArn, principalId] = [id(data.accountId), id(data.permissionSetArn), id(data.principalId)];
      if (!accountId || !permissionSetArn || !principalId) return [];
      const principal = `identitystore:${data.principalType === "GROUP" ? "group" : "user"}/${principalId}`;
      return [{ resource: principal, alsoNames: [permissionSetArn, `account/${accountId}`] }];
    }
    case "ORGANIZATION":
    case "IDC_INSTANCE":
    case "AWS_MANAGED_POLICY":
      return [];
  }
}

/** The write events about one entity within [from, to), oldest first, without duplicates. */
export async function findWhoChanged(
  db: Db,
  entity: { kind: EntityKind; naturalKey: string; data: EntityData },
  window: { from: Date; to: Date },
): Promise<ChangeEvent[]> {
  const found = new Map<string, ChangeEventRow>();
  for (const query of eventQueriesFor(entity.kind, entity.naturalKey, entity.data)) {
    const rows = await findChangeEvents(db, { resource: query.resource, from: window.from, to: window.to, limit: EVENTS_PER_ENTITY });
    for (const row of rows) {
      if (query.alsoNames.every((key) => row.resources.includes(key))) found.set(`${row.eventId}|${row.accountId}`, row);
    }
  }
  return [...found.values()]
    .sort((a, b) => a.eventTime.getTime() - b.eventTime.getTime())
    .slice(0, EVENTS_PER_ENTITY)
    .map(toChangeEvent);
}

function toChangeEvent(row: ChangeEventRow): ChangeEvent {
  return {
    eventId: row.eventId,
    eventTime: row.eventTime,
    eventName: row.eventName,
    eventSource: row.eventSource,
    accountId: row.accountId,
    awsRegion: row.awsRegion,
    actorArn: row.actorArn,
    actorUserName: row.actorUserName,
    identityCenterUser: row.identityCenterUser,
    sourceIp: row.sourceIp,
    success: row.success,
    errorCode: row.errorCode,
  };
}
