import { LookupEventsCommand, type Event, type LookupAttribute } from "@aws-sdk/client-cloudtrail";
import type { AccountCredentials } from "./assume-audit-role";
import type { ClientPool } from "./client-pool";
import { normalizeTrailEvent } from "./cloudtrail-event";
import { paginate, NEXT_TOKEN } from "./paginate";
import type { JsonObject, TrailEvent } from "./types";

/** What to read from one account and region's LookupEvents, within [startTime, endTime]. */
export interface CloudTrailLookup {
  accountId: string;
  region: string;
  startTime: Date;
  endTime: Date;
  eventNames: readonly string[];
  /** IAM user names to follow in full (break-glass and automation users) */
  userNames: readonly string[];
  /** event sources (`iam.amazonaws.com` …) whose write events to keep; their read events are dropped */
  writeEventSources?: readonly string[];
}

/**
 * The CloudTrail collector: LookupEvents pages of one account and region, normalised, one page per
 * yield. LookupEvents takes one attribute per call, so each event name and each user name is its
 * own query; they run one after the other because the account+region shares one 2 req/s budget,
 * which the pool's CloudTrail client paces. An event matching two queries (a followed user's
 * ConsoleLogin) comes back in both: de-duplication is the caller's, as is persistence.
 *
 * Write events are looked up per event source rather than with `ReadOnly=false`: that one query
 * would return every write of every service in the region (EC2, Lambda, S3 … in a busy account,
 * most of the trail), while an EventSource query returns one service's events, of which only the
 * reads are dropped here, and the caller asks for each source only in the region that records it.
 */
export async function* collectCloudTrailPages(
  pool: ClientPool,
  credentials: AccountCredentials,
  lookup: CloudTrailLookup,
): AsyncGenerator<TrailEvent[]> {
  const client = pool.cloudTrail(lookup.accountId, lookup.region, credentials.provider(lookup.accountId));
  const attributes: LookupAttribute[] = [
    ...lookup.eventNames.map((value) => ({ AttributeKey: "EventName" as const, AttributeValue: value })),
    ...lookup.userNames.map((value) => ({ AttributeKey: "Username" as const, AttributeValue: value })),
    ...(lookup.writeEventSources ?? []).map((value) => ({ AttributeKey: "EventSource" as const, AttributeValue: value })),
  ];
  for (const attribute of attributes) {
    const writesOnly = attribute.AttributeKey === "EventSource";
    const pages = paginate({
      client,
      command: LookupEventsCommand,
      input: { LookupAttributes: [attribute], StartTime: lookup.startTime, EndTime: lookup.endTime, MaxResults: 50 },
      // LookupEvents may answer an empty page that still carries a NextToken.
      items: (page) => (page.Events?.length ? [page.Events] : []),
      tokens: NEXT_TOKEN,
    });
    for await (const events of pages) {
      const normalized = events.map((event) => toTrailEvent(event, lookup));
      const kept = writesOnly ? normalized.filter((event) => event.readOnly === false) : normalized;
      if (kept.length > 0) yield kept;
    }
  }
}

function toTrailEvent(event: Event, lookup: CloudTrailLookup): TrailEvent {
  return normalizeTrailEvent(parseRecord(event.CloudTrailEvent), {
    eventId: event.EventId,
    eventName: event.EventName,
    eventSource: event.EventSource,
    eventTime: event.EventTime,
    readOnly: event.ReadOnly,
    accountId: lookup.accountId,
    region: lookup.region,
  });
}

function parseRecord(text: string | undefined): JsonObject {
  if (!text) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === "object" && parsed !== null ? (parsed as JsonObject) : {};
  } catch {
    return {};
  }
}
