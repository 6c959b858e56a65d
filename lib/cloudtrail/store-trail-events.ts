import type { TrailEvent } from "../aws";
import type { Db } from "../db";
import { toEventRow, type TrailEventSource } from "./to-event-row";

const BATCH = 500;

/**
 * Inserts events, skipping copies already stored: (eventId, accountId) is the key, so re-reading an
 * overlapping window or re-importing a log file is harmless. Returns how many rows were new.
 */
export async function storeTrailEvents(db: Db, events: readonly TrailEvent[], source: TrailEventSource): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < events.length; i += BATCH) {
    const rows = events
      .slice(i, i + BATCH)
      .filter((e) => e.eventId !== "")
      .map((e) => toEventRow(e, source));
    if (rows.length === 0) continue;
    const result = await db.cloudTrailEvent.createMany({ data: rows, skipDuplicates: true });
    inserted += result.count;
  }
  return inserted;
}
