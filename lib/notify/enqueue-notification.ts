import { cleanAuditDetail } from "../audit";
import type { Db } from "../db";
import { AppError } from "../errors";
import { NOTIFICATION_EVENT, STORED_NOTIFICATION, notificationLinkPath, type NotificationEventInput } from "./notification-event";

const CHANNELS = ["WEBHOOK", "EMAIL"] as const;

export type EnqueuedNotification = { id: string };

/**
 * Puts a notification in the outbox: one row for the event and one pending delivery per channel,
 * written with `db`. Given the caller's transaction, the notification exists only if the change it
 * reports commits. The send-notification job delivers it (at most a minute later, sooner when
 * woken) and records every attempt. The link is stored as a path; the sender adds VIGIL_BASE_URL.
 */
export async function enqueueNotification(db: Db, input: NotificationEventInput): Promise<EnqueuedNotification> {
  const parsed = NOTIFICATION_EVENT.safeParse(input);
  if (!parsed.success) {
    // A malformed event is a bug in the caller; the message names the field, never its value.
    throw new AppError(
      "INTERNAL",
      `notification refused: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`,
    );
  }
  const event = parsed.data;
  // lib/audit's rules: a key naming a secret is refused, secret-looking text is redacted.
  const cleaned = cleanAuditDetail({
    kind: event.kind,
    occurredAt: event.occurredAt ?? new Date(),
    credential: event.credential,
    checkout: event.checkout,
    audience: event.audience,
    review: event.review,
    driftReport: event.driftReport,
    actor: event.actor,
    facts: event.facts,
    link: notificationLinkPath(event),
  });
  const payload = STORED_NOTIFICATION.parse(cleaned);
  const row = await db.notification.create({
    data: {
      kind: event.kind,
      payload,
      deliveries: { create: CHANNELS.map((channel) => ({ channel })) },
    },
    select: { id: true },
  });
  return row;
}
