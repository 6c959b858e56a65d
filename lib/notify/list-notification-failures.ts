import type { Db } from "../db";
import { STORED_NOTIFICATION } from "./notification-event";
import { renderNotification } from "./render-notification";

export type NotificationFailure = {
  deliveryId: string;
  notificationId: string;
  kind: string;
  /** the message's title, e.g. "Rotation FAILED for breakglass-admin (account 111122223333)…" */
  title: string;
  channel: "WEBHOOK" | "EMAIL";
  /** failed: gave up; retrying: failed at least once, another attempt is due at nextAttemptAt */
  state: "failed" | "retrying";
  attemptCount: number;
  lastError: string | null;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date | null;
  createdAt: Date;
};

/**
 * Deliveries that did not get through, newest first, for the dashboard: those given up on and those
 * still retrying after a failure. Never-configured channels are not failures and are left out.
 */
export async function listNotificationFailures(db: Db, options: { limit?: number } = {}): Promise<NotificationFailure[]> {
  const rows = await db.notificationDelivery.findMany({
    where: { OR: [{ status: "FAILED" }, { status: "PENDING", attemptCount: { gt: 0 } }] },
    orderBy: [{ lastAttemptAt: "desc" }, { id: "asc" }],
    take: Math.min(Math.max(options.limit ?? 50, 1), 500),
    select: {
      id: true,
      channel: true,
      status: true,
      attemptCount: true,
      lastError: true,
      lastAttemptAt: true,
      nextAttemptAt: true,
      notification: { select: { id: true, kind: true, payload: true, createdAt: true } },
    },
  });
  return rows.map((row) => {
    const parsed = STORED_NOTIFICATION.safeParse(row.notification.payload);
    return {
      deliveryId: row.id,
      notificationId: row.notification.id,
      kind: row.notification.kind,
      // The title needs no origin; any base works for rendering it.
      title: parsed.success ? renderNotification(parsed.data, "http://localhost").title : row.notification.kind,
      channel: row.channel,
      state: row.status === "FAILED" ? "failed" : "retrying",
      attemptCount: row.attemptCount,
      lastError: row.lastError,
      lastAttemptAt: row.lastAttemptAt,
      nextAttemptAt: row.status === "PENDING" ? row.nextAttemptAt : null,
      createdAt: row.notification.createdAt,
    };
  });
}
