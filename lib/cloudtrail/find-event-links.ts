import type { Db } from "../db";
import type { TrailEventRow } from "./find-trail-events";
import type { EventLinks, LinkedTrailEvent } from "./sign-in-sessions";

interface LinkRow extends EventLinks {
  eventId: string;
  accountId: string;
}

const NO_LINKS: EventLinks = {
  callerKeyId: null,
  issuedKeyId: null,
  sharedEventId: null,
  identityCenterUserId: null,
  federatedAccountId: null,
  federatedPermissionSet: null,
};

const nonEmpty = (value: string | null) => (value === null || value === "" ? null : value);

/**
 * The session links of listed events, read from their stored records in one query (only these
 * fields leave the database: the record itself may hold what a page must not show).
 */
export async function findEventLinks(db: Db, events: readonly TrailEventRow[]): Promise<LinkedTrailEvent[]> {
  if (events.length === 0) return [];
  const rows = await db.$queryRaw<LinkRow[]>`
    SELECT e."eventId", e."accountId",
           e.raw #>> '{userIdentity,accessKeyId}' AS "callerKeyId",
           e.raw #>> '{responseElements,credentials,accessKeyId}' AS "issuedKeyId",
           e.raw ->> 'sharedEventID' AS "sharedEventId",
           e.raw #>> '{userIdentity,onBehalfOf,userId}' AS "identityCenterUserId",
           e.raw #>> '{serviceEventDetails,account_id}' AS "federatedAccountId",
           e.raw #>> '{serviceEventDetails,role_name}' AS "federatedPermissionSet"
      FROM "CloudTrailEvent" e
      JOIN unnest(${events.map((e) => e.eventId)}::text[], ${events.map((e) => e.accountId)}::text[]) AS k("eventId", "accountId")
        ON e."eventId" = k."eventId" AND e."accountId" = k."accountId"`;
  const byKey = new Map(rows.map((row) => [`${row.eventId}|${row.accountId}`, row]));
  return events.map((event) => {
    const row = byKey.get(`${event.eventId}|${event.accountId}`);
    if (!row) return { ...event, links: NO_LINKS };
    return {
      ...event,
      links: {
        callerKeyId: nonEmpty(row.callerKeyId),
        issuedKeyId: nonEmpty(row.issuedKeyId),
        sharedEventId: nonEmpty(row.sharedEventId),
        identityCenterUserId: nonEmpty(row.identityCenterUserId),
        federatedAccountId: nonEmpty(row.federatedAccountId),
        federatedPermissionSet: nonEmpty(row.federatedPermissionSet),
      },
    };
  });
}
