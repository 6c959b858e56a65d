import { LookupEventsCommand, type CloudTrailClient, type LookupAttributeKey } from "@aws-sdk/client-cloudtrail";
import { normalizeTrailEvent, SIGN_IN_EVENT_NAMES } from "./cloudtrail-event";
import { paginate, NEXT_TOKEN } from "./paginate";
import type { JsonObject, TrailEvent } from "./types";

export interface LookupWindow {
  accountId: string;
  region: string;
  startTime: Date;
  endTime: Date;
}

/** LookupEvents takes one attribute per call, so each event name / user name is its own query. */
export interface LookupQuery {
  key: Extract<LookupAttributeKey, "EventName" | "Username">;
  value: string;
}

/**
 * Events for one account and region matching one attribute, newest first. Pacing (2 req/s per
 * account and region) is applied by the pooled CloudTrail client, not here.
 */
export async function* lookupEvents(client: CloudTrailClient, window: LookupWindow, query: LookupQuery): AsyncGenerator<TrailEvent> {
  const events = paginate({
    client,
    command: LookupEventsCommand,
    input: {
      LookupAttributes: [{ AttributeKey: query.key, AttributeValue: query.value }],
      StartTime: window.startTime,
      EndTime: window.endTime,
      MaxResults: 50,
    },
    items: (p) => p.Events,
    tokens: NEXT_TOKEN,
  });
  for await (const e of events) {
    yield normalizeTrailEvent(parseRecord(e.CloudTrailEvent), {
      eventId: e.EventId,
      eventName: e.EventName,
      eventSource: e.EventSource,
      eventTime: e.EventTime,
      accountId: window.accountId,
      region: window.region,
    });
  }
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

export interface SignInLookup {
  eventNames?: readonly string[];
  /** IAM user names to follow in full (break-glass and automation users) */
  userNames?: readonly string[];
}

/** Sign-in events plus everything the designated users did, de-duplicated by event id, oldest first. */
export async function lookupSignInEvents(client: CloudTrailClient, window: LookupWindow, lookup: SignInLookup = {}): Promise<TrailEvent[]> {
  const queries: LookupQuery[] = [
    ...(lookup.eventNames ?? SIGN_IN_EVENT_NAMES).map((value) => ({ key: "EventName" as const, value })),
    ...(lookup.userNames ?? []).map((value) => ({ key: "Username" as const, value })),
  ];
  const byId = new Map<string, TrailEvent>();
  // Sequential on purpose: the account+region shares one 2 req/s budget.
  for (const query of queries) {
    for await (const event of lookupEvents(client, window, query)) byId.set(event.eventId, event);
  }
  return [...byId.values()].sort((a, b) => a.eventTime.localeCompare(b.eventTime) || a.eventId.localeCompare(b.eventId));
}
