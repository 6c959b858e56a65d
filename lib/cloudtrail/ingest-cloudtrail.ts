import { auditRoleCredentialsForPool, createClientPool, errorCode, lookupSignInEvents, mapLimited, type AwsConfig } from "../aws";
import type { Db } from "../db";
import { defaultCloudTrailRegions, designatedUserNames, getCloudTrailSettings, DEFAULT_OVERLAP_MS, type CloudTrailSettings } from "./cloudtrail-settings";
import { INGESTED_EVENT_NAMES } from "./event-selection";
import { ingestRunStatus, withIngestRun, type IngestProblem, type IngestRunStatus } from "./ingest-run";
import { lookupWindow } from "./lookup-window";
import { storeTrailEvents } from "./store-trail-events";

export interface IngestProgress {
  done: number;
  total: number;
  accountId: string;
  region: string;
  eventsNew: number;
}

export interface IngestCloudTrailInput {
  config: AwsConfig;
  /** account ids to read (usually the ACTIVE accounts of the latest snapshot) */
  accounts: readonly string[];
  /** defaults to VIGIL_CLOUDTRAIL_REGIONS, else the sign-in regions plus the home and Identity Center regions */
  regions?: readonly string[];
  now?: Date;
  /** read from here instead of the watermark (CLI `--since`) */
  since?: Date;
  overlapMs?: number;
  settings?: CloudTrailSettings;
  /** read with the base credentials unless the config says to assume the audit role there too */
  managementAccountId?: string;
  onProgress?: (progress: IngestProgress) => void;
}

export interface IngestCloudTrailResult {
  runId: number;
  status: IngestRunStatus;
  eventsSeen: number;
  eventsNew: number;
  errors: IngestProblem[];
  regions: string[];
}

/**
 * Incremental LookupEvents sweep: per account and region, the sign-in/role-assumption events and
 * everything the designated users did since the stored watermark. Each account+region is its own
 * unit: its events are committed, then its watermark moves, so a failure never skips events and
 * never blocks another account.
 */
export async function ingestCloudTrail(db: Db, input: IngestCloudTrailInput): Promise<IngestCloudTrailResult> {
  const settings = input.settings ?? getCloudTrailSettings();
  const now = input.now ?? new Date();
  const regions = [...(input.regions ?? settings.regions ?? defaultCloudTrailRegions([input.config.region, input.config.ssoRegion]))];
  const userNames = designatedUserNames(settings);
  const overlapMs = input.overlapMs ?? DEFAULT_OVERLAP_MS;

  return withIngestRun(db, "LOOKUP_EVENTS", async (runId) => {
    const pool = createClientPool(input.config);
    const credentials = auditRoleCredentialsForPool(pool, input.managementAccountId);

    const errors: IngestProblem[] = [];
    let eventsSeen = 0;
    let eventsNew = 0;
    let done = 0;
    let failedUnits = 0;
    const units = input.accounts.flatMap((accountId) => regions.map((region) => ({ accountId, region })));
    // One AssumeRole attempt per account; its failure is reported once, its other regions just count as failed.
    const accountCredentials = new Map<string, ReturnType<typeof credentials.get>>();
    const credentialsFor = (accountId: string) => {
      let pending = accountCredentials.get(accountId);
      if (!pending) {
        pending = credentials.get(accountId);
        accountCredentials.set(accountId, pending);
        pending.catch((err: unknown) => {
          errors.push(problem(err, { accountId, service: "sts", operation: "AssumeRole" }));
        });
      }
      return pending;
    };

    try {
      await mapLimited(units, input.config.concurrency.cloudTrail, async ({ accountId, region }) => {
        let unitNew = 0;
        try {
          const unitCredentials = await credentialsFor(accountId).catch(() => {
            throw new CredentialsFailed();
          });
          const watermark = await db.cloudTrailWatermark.findUnique({ where: { accountId_region: { accountId, region } } });
          const window = lookupWindow({ now, watermark: watermark?.lastEventTime ?? null, since: input.since, lookbackDays: settings.lookbackDays, overlapMs });
          const client = pool.cloudTrail(accountId, region, async () => unitCredentials);
          const events = await lookupSignInEvents(
            client,
            { accountId, region, ...window },
            { eventNames: INGESTED_EVENT_NAMES, userNames },
          );
          eventsSeen += events.length;
          unitNew = await storeTrailEvents(db, events, "LOOKUP_EVENTS");
          eventsNew += unitNew;
          // Only after the events are committed: a crash before this line re-reads the window next time.
          await db.cloudTrailWatermark.upsert({
            where: { accountId_region: { accountId, region } },
            create: { accountId, region, lastEventTime: window.endTime },
            update: { lastEventTime: window.endTime },
          });
        } catch (err) {
          failedUnits++;
          if (!(err instanceof CredentialsFailed)) {
            errors.push(problem(err, { accountId, region, service: "cloudtrail", operation: "LookupEvents" }));
          }
        } finally {
          done++;
          input.onProgress?.({ done, total: units.length, accountId, region, eventsNew: unitNew });
        }
      });
    } finally {
      pool.destroy();
    }

    const status = ingestRunStatus({ total: units.length, failed: failedUnits });
    const stats = { accounts: input.accounts.length, regions, apiCalls: pool.stats.apiCallsByAction, retries: pool.stats.retries, callsPerAccount: pool.stats.callsPerAccount };
    return { outcome: { status, eventsSeen, eventsNew, errors, stats }, result: { runId, status, eventsSeen, eventsNew, errors, regions } };
  });
}

/** AssumeRole into the account failed (already recorded once for the account). */
class CredentialsFailed extends Error {}

function problem(err: unknown, where: Omit<IngestProblem, "code" | "message">): IngestProblem {
  return { ...where, code: errorCode(err), message: err instanceof Error ? err.message : String(err) };
}
