import { auditRoleCredentialsForPool } from "./assume-audit-role";
import { lookupSignInEvents, type SignInLookup } from "./cloudtrail";
import type { ClientPool } from "./client-pool";
import { CollectionLog } from "./collection-log";
import { mapLimited } from "./concurrency";
import type { CollectionError, CollectionStatus, IsoDateTime, TrailEvent } from "./types";

/** LookupEvents only reaches back 90 days. */
export const LOOKUP_MAX_AGE_MS = 90 * 24 * 3600 * 1000;
/** LookupEvents shows events some minutes after they happen; re-read this much before the watermark. */
export const LATE_ARRIVAL_MARGIN_MS = 15 * 60 * 1000;

export interface CloudTrailCollectionInput extends SignInLookup {
  accountIds: readonly string[];
  /** defaults to the pool's `cloudTrailRegions` */
  regions?: readonly string[];
  /** per `${accountId}:${region}`: the watermark returned by the previous run */
  watermarks?: Readonly<Record<string, IsoDateTime>>;
  /** how far back to read when there is no watermark (capped at 90 days) */
  initialLookbackMs?: number;
  managementAccountId?: string;
  now?: Date;
}

export interface CloudTrailCollection {
  /** de-duplicated by event id (the late-arrival overlap re-reads some events; the key is stable) */
  events: TrailEvent[];
  /** next watermark per `${accountId}:${region}`; unchanged for windows that failed */
  watermarks: Record<string, IsoDateTime>;
  coverage: Record<string, CollectionStatus>;
  errors: CollectionError[];
}

export function watermarkKey(accountId: string, region: string): string {
  return `${accountId}:${region}`;
}

/** Sign-in events for each account and region since its watermark, through the audit role. */
export async function collectCloudTrailActivity(pool: ClientPool, input: CloudTrailCollectionInput): Promise<CloudTrailCollection> {
  const now = input.now ?? new Date();
  const regions = input.regions ?? pool.config.cloudTrailRegions;
  const oldest = now.getTime() - LOOKUP_MAX_AGE_MS;
  const defaultStart = now.getTime() - Math.min(input.initialLookbackMs ?? 7 * 24 * 3600 * 1000, LOOKUP_MAX_AGE_MS);
  const credentials = auditRoleCredentialsForPool(pool, input.managementAccountId);
  const log = new CollectionLog();
  const windows = input.accountIds.flatMap((accountId) => regions.map((region) => ({ accountId, region })));

  const watermarks: Record<string, IsoDateTime> = { ...input.watermarks };
  const coverage: Record<string, CollectionStatus> = {};
  const byId = new Map<string, TrailEvent>();

  await mapLimited(windows, pool.config.concurrency.cloudTrail, async ({ accountId, region }) => {
    const key = watermarkKey(accountId, region);
    const previous = input.watermarks?.[key];
    const start = previous ? Math.max(Date.parse(previous) - LATE_ARRIVAL_MARGIN_MS, oldest) : defaultStart;
    const events = await log.attempt({ accountId, service: "cloudtrail", operation: "LookupEvents" }, async () => {
      await credentials.get(accountId);
      const client = pool.cloudTrail(accountId, region, credentials.provider(accountId));
      return lookupSignInEvents(client, { accountId, region, startTime: new Date(start), endTime: now }, input);
    });
    coverage[key] = events ? "COLLECTED" : "FAILED";
    if (!events) return;
    for (const event of events) byId.set(event.eventId, event);
    watermarks[key] = now.toISOString();
  });

  const events = [...byId.values()].sort((a, b) => a.eventTime.localeCompare(b.eventTime) || a.eventId.localeCompare(b.eventId));
  return { events, watermarks, coverage, errors: log.errors };
}
