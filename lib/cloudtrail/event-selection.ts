import { CHANGE_EVENT_SOURCES, SIGN_IN_EVENT_NAMES, type TrailEvent } from "../aws";

/**
 * The events Vigil keeps: sign-ins and role assumptions, the changes made to IAM, Identity Center,
 * Identity Store and Organizations (who changed a trust policy, an assignment, a group), plus
 * anything a designated IAM user did.
 */
export const INGESTED_EVENT_NAMES: readonly string[] = SIGN_IN_EVENT_NAMES;

const INGESTED = new Set(INGESTED_EVENT_NAMES);

/**
 * The event sources whose writes a LookupEvents sweep of `region` asks for: IAM and Organizations
 * are global services recorded in the home region (us-east-1 in the commercial partition), Identity
 * Center and Identity Store in the region of the Identity Center instance. Asking every region
 * would multiply the calls by the number of regions for pages that are always empty.
 */
export function writeEventSourcesFor(region: string, where: { homeRegion: string; ssoRegion: string }): string[] {
  return [
    ...(region === where.homeRegion ? ["iam.amazonaws.com", "organizations.amazonaws.com"] : []),
    ...(region === where.ssoRegion ? ["sso.amazonaws.com", "identitystore.amazonaws.com"] : []),
  ];
}

/** A write (not read-only) event of one of the services whose changes decide who can reach what. */
export function isAccessChangeEvent(event: TrailEvent): boolean {
  return event.readOnly === false && CHANGE_EVENT_SOURCES.includes(event.eventSource);
}

/**
 * The same selection LookupEvents makes with its EventName / Username queries, applied to records
 * that arrive unfiltered (S3 log files, exported lookups).
 */
export function isIngestedTrailEvent(event: TrailEvent, designatedUsers: ReadonlySet<string>): boolean {
  if (INGESTED.has(event.eventName) || isAccessChangeEvent(event)) return true;
  if (designatedUsers.size === 0) return false;
  const userName = event.actor.userName ?? userNameFromArn(event.actor.arn);
  return userName !== null && event.actor.type === "IAMUser" && designatedUsers.has(userName);
}

function userNameFromArn(arn: string | null): string | null {
  if (!arn) return null;
  const match = /^arn:[\w-]+:iam::\d{12}:user\/(?:.*\/)?([^/]+)$/.exec(arn);
  return match?.[1] ?? null;
}
