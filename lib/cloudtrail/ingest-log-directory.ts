import type { TrailEvent } from "../aws";
import type { Db } from "../db";
import { designatedUserNames, getCloudTrailSettings, type CloudTrailSettings } from "./cloudtrail-settings";
import { isIngestedTrailEvent } from "./event-selection";
import { finishIngestRun, ingestRunStatus, startIngestRun, type IngestProblem, type IngestRunStatus } from "./ingest-run";
import { readTrailFile, walkCloudTrailLogFiles } from "./read-trail-file";
import { storeTrailEvents } from "./store-trail-events";
import type { TrailEventSource } from "./to-event-row";

const BATCH = 500;

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

/**
 * Ingests CloudTrail files under `dir` at any depth: log files as delivered to S3 (`.json`,
 * `.json.gz`) and saved `lookup-events` outputs. Same selection, normalization and dedup as the
 * LookupEvents sweep. A file that cannot be read is recorded and skipped; the others still land.
 */
export async function ingestCloudTrailLogDirectory(
  db: Db,
  dir: string,
  opts: { settings?: CloudTrailSettings; onFile?: (file: string, done: number) => void } = {},
): Promise<IngestLogDirectoryResult> {
  const settings = opts.settings ?? getCloudTrailSettings();
  const designated = new Set(designatedUserNames(settings));
  const runId = await startIngestRun(db, "S3_LOG_FILE");
  const errors: IngestProblem[] = [];
  let files = 0;
  let eventsSeen = 0;
  let eventsNew = 0;
  let newest: string | null = null;

  const batches = new Map<TrailEventSource, TrailEvent[]>();
  const flush = async (source: TrailEventSource) => {
    const batch = batches.get(source) ?? [];
    batches.set(source, []);
    eventsNew += await storeTrailEvents(db, batch, source);
  };

  for await (const file of walkCloudTrailLogFiles(dir)) {
    files++;
    try {
      for await (const { event, source } of readTrailFile(file)) {
        if (!isIngestedTrailEvent(event, designated)) continue;
        eventsSeen++;
        if (newest === null || event.eventTime > newest) newest = event.eventTime;
        const batch = batches.get(source) ?? [];
        batch.push(event);
        batches.set(source, batch);
        if (batch.length >= BATCH) await flush(source);
      }
    } catch (err) {
      errors.push({ file, code: err instanceof Error ? err.name : "Error", message: err instanceof Error ? err.message : String(err) });
    }
    opts.onFile?.(file, files);
  }
  for (const source of batches.keys()) await flush(source);

  const status = ingestRunStatus({ total: Math.max(files, 1), failed: errors.length });
  await finishIngestRun(db, runId, { status, eventsSeen, eventsNew, errors, stats: { files, dir } });
  return { runId, status, files, eventsSeen, eventsNew, errors, newestEventTime: newest };
}
