import type { Db } from "../db";
import { recoverAbandonedIngestRuns } from "./recover-abandoned-ingest-runs";
import type { TrailEventSource } from "./to-event-row";

export type IngestRunStatus = "COMPLETE" | "PARTIAL" | "FAILED";

/** How long a run stays RUNNING without renewal before recovery may call it abandoned. */
export const INGEST_RUN_LEASE_MS = 60_000;

/** One problem met during a run: an account/region that could not be read, or a file that could not be parsed. */
export interface IngestProblem {
  accountId?: string;
  region?: string;
  file?: string;
  service?: string;
  operation?: string;
  code: string;
  message: string;
}

export interface IngestRunOutcome {
  status: IngestRunStatus;
  eventsSeen: number;
  eventsNew: number;
  errors: IngestProblem[];
  stats: Record<string, unknown>;
}

/** COMPLETE: every unit read. PARTIAL: some failed, the rest is stored. FAILED: nothing could be read. */
export function ingestRunStatus(units: { total: number; failed: number }): IngestRunStatus {
  if (units.failed === 0) return "COMPLETE";
  return units.failed >= units.total ? "FAILED" : "PARTIAL";
}

/** Lease times are database times, so the clocks of the processes never matter. */
async function createRun(db: Db, source: TrailEventSource, leaseMs: number): Promise<number> {
  const [row] = await db.$queryRawUnsafe<Array<{ id: number }>>(
    `INSERT INTO "CloudTrailIngestRun" (source, "leaseExpiresAt")
     VALUES ($1::"TrailEventSource", now() + ($2 * interval '1 millisecond')) RETURNING id`,
    source,
    leaseMs,
  );
  if (!row) throw new Error("CloudTrailIngestRun insert returned no row");
  return row.id;
}

async function extendLease(db: Db, runId: number, leaseMs: number): Promise<void> {
  await db.$executeRawUnsafe(
    `UPDATE "CloudTrailIngestRun" SET "leaseExpiresAt" = now() + ($2 * interval '1 millisecond') WHERE id = $1 AND status = 'RUNNING'`,
    runId,
    leaseMs,
  );
}

async function finishIngestRun(db: Db, runId: number, outcome: IngestRunOutcome): Promise<void> {
  // Written even if a recovery marked the run FAILED meanwhile (it was only slow): the real outcome wins.
  await db.cloudTrailIngestRun.update({
    where: { id: runId },
    data: {
      status: outcome.status,
      finishedAt: new Date(),
      leaseExpiresAt: null,
      eventsSeen: outcome.eventsSeen,
      eventsNew: outcome.eventsNew,
      errors: outcome.errors.map((e) => ({ ...e })),
      stats: JSON.parse(JSON.stringify(outcome.stats)) as object,
    },
  });
}

/**
 * Runs `body` as one CloudTrailIngestRun: abandoned runs are recovered first, the new run is
 * RUNNING under a lease renewed every third of its length, and it always ends with a final
 * status — the body's outcome, or FAILED with the error when the body throws (rethrown). Only a
 * process that dies leaves it RUNNING, and its lease then lapses (recoverAbandonedIngestRuns).
 */
export async function withIngestRun<R>(
  db: Db,
  source: TrailEventSource,
  body: (runId: number) => Promise<{ outcome: IngestRunOutcome; result: R }>,
  opts: { leaseMs?: number } = {},
): Promise<R> {
  const leaseMs = opts.leaseMs ?? INGEST_RUN_LEASE_MS;
  await recoverAbandonedIngestRuns(db);
  const runId = await createRun(db, source, leaseMs);
  const timer = setInterval(() => void extendLease(db, runId, leaseMs).catch(() => {}), Math.max(250, Math.floor(leaseMs / 3)));
  timer.unref();
  try {
    const { outcome, result } = await body(runId);
    await finishIngestRun(db, runId, outcome);
    return result;
  } catch (err) {
    const problem = { code: err instanceof Error ? err.name : "Error", message: err instanceof Error ? err.message : String(err) };
    await finishIngestRun(db, runId, { status: "FAILED", eventsSeen: 0, eventsNew: 0, errors: [problem], stats: { aborted: true } }).catch(
      () => {},
    );
    throw err;
  } finally {
    clearInterval(timer);
  }
}
