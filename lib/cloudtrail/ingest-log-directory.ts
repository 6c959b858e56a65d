import type { CloudTrailFileLimits, TrailEvent } from "../aws";
import type { Db } from "../db";
import { designatedUserNames, getCloudTrailSettings, type CloudTrailSettings } from "./cloudtrail-settings";
import { isIngestedTrailEvent } from "./event-selection";
import { ingestRunStatus, withIngestRun, type IngestProblem, type IngestRunOutcome, type IngestRunStatus } from "./ingest-run";
import { readTrailFile, TrailFileError, walkCloudTrailLogFiles } from "./read-trail-file";
import { storeTrailEvents } from "./store-trail-events";
import type { TrailEventSource } from "./to-event-row";

export interface IngestLogDirectoryResult {
  runId: number;
  status: IngestRunStatus;
  files: number;
  eventsSeen: number;
  eventsNew: number;
  errors: IngestProblem[];
  /** newest event time among the kept events, null when none */
  newestEventTime: string | null;
}

export interface IngestLogDirectoryOptions {
  settings?: CloudTrailSettings;
  /** awaited after each file */
  onFile?: (file: string, done: number) => void | Promise<void>;
  /** caps on one file (CLOUDTRAIL_FILE_LIMITS by default): a file over them is recorded as a problem and skipped */
  limits?: Partial<CloudTrailFileLimits>;
  leaseMs?: number;
}

/**
 * Ingests CloudTrail files under `dir` at any depth: log files as delivered to S3 (`.json`,
 * `.json.gz`) and saved `lookup-events` outputs. Same selection, normalization and dedup as the
 * LookupEvents sweep. A file that cannot be read, or is over the caps, is recorded and skipped;
 * the others still land. The run always ends COMPLETE, PARTIAL or FAILED (see withIngestRun).
 */
export async function ingestCloudTrailLogDirectory(
  db: Db,
  dir: string,
  opts: IngestLogDirectoryOptions = {},
): Promise<IngestLogDirectoryResult> {
  const settings = opts.settings ?? getCloudTrailSettings();
  return withIngestRun(db, "S3_LOG_FILE", (runId) => ingestFiles(db, dir, runId, settings, opts), { leaseMs: opts.leaseMs });
}

async function ingestFiles(
  db: Db,
  dir: string,
  runId: number,
  settings: CloudTrailSettings,
  opts: IngestLogDirectoryOptions,
): Promise<{ outcome: IngestRunOutcome; result: IngestLogDirectoryResult }> {
  const designated = new Set(designatedUserNames(settings));
  const errors: IngestProblem[] = [];
  let files = 0;
  let eventsSeen = 0;
  let eventsNew = 0;
  let newest: string | null = null;

  for await (const file of walkCloudTrailLogFiles(dir)) {
    files++;
    // A file's events are stored only once the whole file has been read: a file cut short, over
    // the caps or holding a bad record is recorded as a problem and leaves nothing behind.
    const kept = new Map<TrailEventSource, TrailEvent[]>();
    let fileNewest: string | null = null;
    try {
      for await (const { event, source } of readTrailFile(file, opts.limits)) {
        if (!isIngestedTrailEvent(event, designated)) continue;
        if (fileNewest === null || event.eventTime > fileNewest) fileNewest = event.eventTime;
        const list = kept.get(source) ?? [];
        list.push(event);
        kept.set(source, list);
      }
    } catch (err) {
      if (!(err instanceof TrailFileError)) throw err;
      errors.push({ file, code: err.name, message: err.message });
      await opts.onFile?.(file, files);
      continue;
    }
    for (const [source, events] of kept) {
      eventsSeen += events.length;
      eventsNew += await storeTrailEvents(db, events, source);
    }
    if (fileNewest !== null && (newest === null || fileNewest > newest)) newest = fileNewest;
    await opts.onFile?.(file, files);
  }

  const status = ingestRunStatus({ total: Math.max(files, 1), failed: errors.length });
  return {
    outcome: { status, eventsSeen, eventsNew, errors, stats: { files, dir } },
    result: { runId, status, files, eventsSeen, eventsNew, errors, newestEventTime: newest },
  };
}
