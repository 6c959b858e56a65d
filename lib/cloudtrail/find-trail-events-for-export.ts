import type { Db } from "../db";

export interface ExportedTrailEvent {
  eventId: string;
  accountId: string;
  awsRegion: string | null;
  eventTime: Date;
  eventName: string;
  eventSource: string;
  actorUserName: string | null;
  raw: unknown;
}

const PAGE = 1000;

/** Stored events in [from, to], oldest first, read a page at a time (keyset) so an export never holds them all. */
export async function* findTrailEventsForExport(db: Db, range: { from: Date; to: Date }): AsyncGenerator<ExportedTrailEvent> {
  let after: { eventTime: Date; eventId: string; accountId: string } | null = null;
  for (;;) {
    const cursor: { eventTime: Date; eventId: string; accountId: string } | null = after;
    const rows: ExportedTrailEvent[] = await db.cloudTrailEvent.findMany({
      where: {
        eventTime: { gte: range.from, lte: range.to },
        ...(cursor
          ? {
              OR: [
                { eventTime: { gt: cursor.eventTime } },
                { eventTime: cursor.eventTime, eventId: { gt: cursor.eventId } },
                { eventTime: cursor.eventTime, eventId: cursor.eventId, accountId: { gt: cursor.accountId } },
              ],
            }
          : {}),
      },
      orderBy: [{ eventTime: "asc" }, { eventId: "asc" }, { accountId: "asc" }],
      take: PAGE,
      select: {
        eventId: true,
        accountId: true,
        awsRegion: true,
        eventTime: true,
        eventName: true,
        eventSource: true,
        actorUserName: true,
        raw: true,
      },
    });
    yield* rows;
    const last = rows.at(-1);
    if (!last || rows.length < PAGE) return;
    after = { eventTime: last.eventTime, eventId: last.eventId, accountId: last.accountId };
  }
}
