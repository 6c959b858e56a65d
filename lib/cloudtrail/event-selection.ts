import { SIGN_IN_EVENT_NAMES, type TrailEvent } from "../aws";

/** The events Vigil keeps: sign-ins and role assumptions, plus anything a designated IAM user did. */
export const INGESTED_EVENT_NAMES: readonly string[] = SIGN_IN_EVENT_NAMES;

const INGESTED = new Set(INGESTED_EVENT_NAMES);

/**
 * The same selection LookupEvents makes with its EventName / Username queries, applied to records
 * that arrive unfiltered (S3 log files, exported lookups).
 */
export function isIngestedTrailEvent(event: TrailEvent, designatedUsers: ReadonlySet<string>): boolean {
  if (INGESTED.has(event.eventName)) return true;
  if (designatedUsers.size === 0) return false;
  const userName = event.actor.userName ?? userNameFromArn(event.actor.arn);
  return userName !== null && event.actor.type === "IAMUser" && designatedUsers.has(userName);
}

function userNameFromArn(arn: string | null): string | null {
  if (!arn) return null;
  const match = /^arn:[\w-]+:iam::\d{12}:user\/(?:.*\/)?([^/]+)$/.exec(arn);
  return match?.[1] ?? null;
}
