import type { Db } from "../db";

/** True when some delivery waits for an attempt now: worth waking the send-notification job at once. */
export async function hasDueNotifications(db: Db, now: Date = new Date()): Promise<boolean> {
  const due = await db.notificationDelivery.findFirst({ where: { status: "PENDING", nextAttemptAt: { lte: now } }, select: { id: true } });
  return due !== null;
}
