import type { Db } from "../db";
import type { TrailEventSource } from "./to-event-row";

export type IngestRunStatus = "COMPLETE" | "PARTIAL" | "FAILED";

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

/** COMPLETE: every unit read. PARTIAL: some failed, the rest is stored. FAILED: nothing could be read. */
export function ingestRunStatus(units: { total: number; failed: number }): IngestRunStatus {
  if (units.failed === 0) return "COMPLETE";
  return units.failed >= units.total ? "FAILED" : "PARTIAL";
}

export async function startIngestRun(db: Db, source: TrailEventSource): Promise<number> {
  const run = await db.cloudTrailIngestRun.create({ data: { source }, select: { id: true } });
  return run.id;
}

export async function finishIngestRun(
  db: Db,
  runId: number,
  result: { status: IngestRunStatus; eventsSeen: number; eventsNew: number; errors: IngestProblem[]; stats: Record<string, unknown> },
): Promise<void> {
  await db.cloudTrailIngestRun.update({
    where: { id: runId },
    data: {
      status: result.status,
      finishedAt: new Date(),
      eventsSeen: result.eventsSeen,
      eventsNew: result.eventsNew,
      errors: result.errors.map((e) => ({ ...e })),
      stats: JSON.parse(JSON.stringify(result.stats)),
    },
  });
}
