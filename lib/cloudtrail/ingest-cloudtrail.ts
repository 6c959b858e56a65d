import {
  auditRoleCredentialsForPool,
  collectCloudTrailPages,
  createClientPool,
  errorCode,
  isAwsFailure,
  mapLimited,
  type AccountCredentials,
  type AwsConfig,
  type ClientPool,
} from "../aws";
import type { Db } from "../db";
import {
  defaultCloudTrailRegions,
  designatedUserNames,
  getCloudTrailSettings,
  DEFAULT_OVERLAP_MS,
  type CloudTrailSettings,
} from "./cloudtrail-settings";
import { INGESTED_EVENT_NAMES, writeEventSourcesFor } from "./event-selection";
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
  /** aborts the AWS calls and ends the run FAILED with the reason (a job's expiry, a worker stopping) */
  signal?: AbortSignal;
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
 * Incremental LookupEvents sweep: per account and region, the sign-in/role-assumption events, the
 * IAM / Identity Center / Organizations changes and everything the designated users did since the
 * stored watermark. Each account+region is its own
 * unit: its events are committed, then its watermark moves, so a failure never skips events and
 * never blocks another account. AWS failures are recorded against their unit; anything else (a
 * bug, the database, an abort) ends the run FAILED and is rethrown.
 */
export async function ingestCloudTrail(db: Db, input: IngestCloudTrailInput): Promise<IngestCloudTrailResult> {
  const settings = input.settings ?? getCloudTrailSettings();
  const now = input.now ?? new Date();
  const regions = [...(input.regions ?? settings.regions ?? defaultCloudTrailRegions([input.config.region, input.config.ssoRegion]))];
  const userNames = designatedUserNames(settings);
  const overlapMs = input.overlapMs ?? DEFAULT_OVERLAP_MS;
  const signal = input.signal ?? input.config.signal;

  return withIngestRun(db, "LOOKUP_EVENTS", async (runId) => {
    // Every AWS client of the run is built from this config, so the signal aborts all their calls.
    const pool = createClientPool({ ...input.config, signal });
    const credentials = auditRoleCredentialsForPool(pool, input.managementAccountId);

    const errors: IngestProblem[] = [];
    let eventsSeen = 0;
    let eventsNew = 0;
    let done = 0;
    let failedUnits = 0;
    // The first error that is not AWS's: no unit starts after it, and the run rethrows it.
    const fatal: unknown[] = [];
    const units = input.accounts.flatMap((accountId) => regions.map((region) => ({ accountId, region })));
    // One AssumeRole attempt per account; its failure is reported once, its other regions just count as failed.
    const assumeFailures = new Map<string, Promise<unknown>>();
    const assumeFailure = (accountId: string): Promise<unknown> => {
      let pending = assumeFailures.get(accountId);
      if (!pending) {
        pending = credentials.get(accountId).then(
          () => null,
          (err: unknown) => {
            if (isAwsFailure(err)) errors.push(problem(err, { accountId, service: "sts", operation: "AssumeRole" }));
            return err;
          },
        );
        assumeFailures.set(accountId, pending);
      }
      return pending;
    };

    try {
      await mapLimited(units, input.config.concurrency.cloudTrail, async ({ accountId, region }) => {
        if (fatal.length > 0) return;
        const read = { seen: 0, stored: 0 };
        try {
          signal?.throwIfAborted();
          const failure = await assumeFailure(accountId);
          if (failure !== null) {
            if (!isAwsFailure(failure)) throw failure;
            failedUnits++;
            return;
          }
          await ingestUnit(
            db,
            pool,
            credentials,
            {
              accountId,
              region,
              now,
              since: input.since,
              lookbackDays: settings.lookbackDays,
              overlapMs,
              userNames,
              writeEventSources: writeEventSourcesFor(region, { homeRegion: input.config.region, ssoRegion: input.config.ssoRegion }),
            },
            read,
          );
        } catch (err) {
          if (!isAwsFailure(err)) {
            fatal.push(err);
            return;
          }
          failedUnits++;
          errors.push(problem(err, { accountId, region, service: "cloudtrail", operation: "LookupEvents" }));
        } finally {
          eventsSeen += read.seen;
          eventsNew += read.stored;
          done++;
          input.onProgress?.({ done, total: units.length, accountId, region, eventsNew: read.stored });
        }
      });
    } finally {
      pool.destroy();
    }
    if (fatal.length > 0) throw signal?.aborted ? signal.reason : fatal[0];

    const status = ingestRunStatus({ total: units.length, failed: failedUnits });
    const stats = {
      accounts: input.accounts.length,
      regions,
      apiCalls: pool.stats.apiCallsByAction,
      retries: pool.stats.retries,
      callsPerAccount: pool.stats.callsPerAccount,
    };
    return { outcome: { status, eventsSeen, eventsNew, errors, stats }, result: { runId, status, eventsSeen, eventsNew, errors, regions } };
  });
}

interface IngestUnit {
  accountId: string;
  region: string;
  now: Date;
  since?: Date;
  lookbackDays: number;
  overlapMs: number;
  userNames: readonly string[];
  writeEventSources: readonly string[];
}

/**
 * One account and region: reads from its watermark, stores each page as it comes (dedup makes a
 * re-read harmless), then moves the watermark. `read` counts what was seen and stored so far, so
 * a unit that fails half-way still reports the events it left in the database.
 */
async function ingestUnit(
  db: Db,
  pool: ClientPool,
  credentials: AccountCredentials,
  unit: IngestUnit,
  read: { seen: number; stored: number },
): Promise<void> {
  const { accountId, region } = unit;
  const watermark = await db.cloudTrailWatermark.findUnique({ where: { accountId_region: { accountId, region } } });
  const window = lookupWindow({
    now: unit.now,
    watermark: watermark?.lastEventTime ?? null,
    since: unit.since,
    lookbackDays: unit.lookbackDays,
    overlapMs: unit.overlapMs,
  });
  const seen = new Set<string>();
  const lookup = {
    accountId,
    region,
    ...window,
    eventNames: INGESTED_EVENT_NAMES,
    userNames: unit.userNames,
    writeEventSources: unit.writeEventSources,
  };
  for await (const page of collectCloudTrailPages(pool, credentials, lookup)) {
    const fresh = page.filter((event) => !seen.has(event.eventId));
    for (const event of fresh) seen.add(event.eventId);
    read.seen += fresh.length;
    read.stored += await storeTrailEvents(db, fresh, "LOOKUP_EVENTS");
  }
  // Only after the events are committed: a crash before this line re-reads the window next time.
  await db.cloudTrailWatermark.upsert({
    where: { accountId_region: { accountId, region } },
    create: { accountId, region, lastEventTime: window.endTime },
    update: { lastEventTime: window.endTime },
  });
}

function problem(err: unknown, where: Omit<IngestProblem, "code" | "message">): IngestProblem {
  return { ...where, code: errorCode(err), message: err instanceof Error ? err.message : String(err) };
}
