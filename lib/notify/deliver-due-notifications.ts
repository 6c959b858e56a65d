import type { Db, PrismaClient } from "../db";
import type { Logger } from "../log";
import { STORED_NOTIFICATION, type StoredNotification } from "./notification-event";
import type { NotifySettings } from "./notify-settings";
import { renderNotification, toEmail, toSlackMessage } from "./render-notification";
import { sendEmail } from "./send-email";
import { NotificationSendError, sendWebhook } from "./send-webhook";

type Channel = "WEBHOOK" | "EMAIL";
type Outcome = { outcome: "SENT" } | { outcome: "NOT_CONFIGURED"; error: string } | { outcome: "FAILED"; error: string };

export type DeliveryRunSummary = { attempted: number; sent: number; retrying: number; failed: number; notConfigured: number };

export type DeliverOptions = {
  log?: Logger;
  signal?: AbortSignal;
  now?: () => Date;
  batchSize?: number;
};

const FIRST_RETRY_MS = 30_000;
const LONGEST_RETRY_MS = 60 * 60_000;
const MAX_BATCHES = 50;

/** Wait before the retry after the `attemptCount`-th failed attempt: 30 s, 1 min, 2 min … at most an hour. */
export function retryDelayMs(attemptCount: number): number {
  return Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attemptCount - 1));
}

type ClaimedDelivery = { id: string; channel: Channel; attemptCount: number; kind: string; payload: unknown };

/**
 * Takes up to `limit` due deliveries and moves their next attempt past a lease, in one short
 * transaction: concurrent drains skip them (SKIP LOCKED), and a drain that dies mid-send leaves them
 * to be retried when the lease ends. No transaction is held open across a network call.
 */
async function claimDue(db: PrismaClient, now: Date, leaseMs: number, limit: number): Promise<ClaimedDelivery[]> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  return db.$queryRaw<ClaimedDelivery[]>`
    UPDATE "NotificationDelivery" AS d
       SET "nextAttemptAt" = ${leaseUntil}
      FROM "Notification" AS n
     WHERE n.id = d."notificationId"
       AND d.id IN (
         SELECT id FROM "NotificationDelivery"
          WHERE status = 'PENDING' AND "nextAttemptAt" <= ${now}
          ORDER BY "nextAttemptAt", id
          LIMIT ${limit}
          FOR UPDATE SKIP LOCKED)
    RETURNING d.id, d.channel::text AS channel, d."attemptCount" AS "attemptCount", n.kind, n.payload`;
}

/** Everyone who must hear of an emergency: every approver (admins hold every role) with a real address. */
async function approverAddresses(db: Db): Promise<string[]> {
  const users = await db.user.findMany({
    where: { role: { in: ["APPROVER", "ADMIN"] } },
    select: { email: true },
    orderBy: { email: "asc" },
  });
  // Local accounts without an address get a placeholder under the reserved .invalid TLD.
  return users.map((user) => user.email).filter((email) => !/\.invalid$/i.test(email));
}

async function requesterAddress(db: Db, userId: string | undefined): Promise<string[]> {
  if (!userId) return [];
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
  return user && !/\.invalid$/i.test(user.email) ? [user.email] : [];
}

async function emailRecipients(db: Db, notification: StoredNotification, settings: NotifySettings): Promise<string[]> {
  const toApprovers = notification.kind === "checkout.emergency" || notification.audience === "approvers";
  const extra = toApprovers
    ? await approverAddresses(db)
    : notification.audience === "requester"
      ? await requesterAddress(db, notification.checkout?.requesterId)
      : notification.audience === "reviewer" && notification.review
        ? [notification.review.reviewerEmail]
        : notification.audience === "subscribers" && notification.driftReport
          ? notification.driftReport.subscribers
          : [];
  return [...new Set([...settings.emailTo, ...extra].map((address) => address.toLowerCase()))];
}

async function attempt(db: Db, delivery: ClaimedDelivery, settings: NotifySettings, signal?: AbortSignal): Promise<Outcome> {
  const notification = STORED_NOTIFICATION.parse(delivery.payload);
  const rendered = renderNotification(notification, settings.baseUrl);
  try {
    if (delivery.channel === "WEBHOOK") {
      if (!settings.webhookUrl) return { outcome: "NOT_CONFIGURED", error: "VIGIL_NOTIFY_WEBHOOK_URL is not set" };
      await sendWebhook(settings.webhookUrl, toSlackMessage(rendered), { timeoutMs: settings.timeoutMs, signal });
      return { outcome: "SENT" };
    }
    if (!settings.smtpUrl) return { outcome: "NOT_CONFIGURED", error: "VIGIL_SMTP_URL is not set" };
    const to = await emailRecipients(db, notification, settings);
    if (to.length === 0) return { outcome: "NOT_CONFIGURED", error: "no recipients (VIGIL_NOTIFY_EMAIL_TO is not set)" };
    await sendEmail(settings.smtpUrl, { from: settings.smtpFrom, to, ...toEmail(rendered) }, { timeoutMs: settings.timeoutMs, signal });
    return { outcome: "SENT" };
  } catch (error) {
    // Anything but a send failure (a bug, a bad payload) is rethrown rather than recorded as a delivery problem.
    if (error instanceof NotificationSendError) return { outcome: "FAILED", error: error.message };
    throw error;
  }
}

async function record(db: PrismaClient, delivery: ClaimedDelivery, outcome: Outcome, at: Date, durationMs: number, maxAttempts: number) {
  const attemptCount = delivery.attemptCount + 1;
  const error = outcome.outcome === "SENT" ? null : outcome.error;
  const status =
    outcome.outcome === "SENT"
      ? "SENT"
      : outcome.outcome === "NOT_CONFIGURED"
        ? "NOT_CONFIGURED"
        : attemptCount >= maxAttempts
          ? "FAILED"
          : "PENDING";
  await db.$transaction([
    db.notificationAttempt.create({ data: { deliveryId: delivery.id, attemptedAt: at, outcome: outcome.outcome, error, durationMs } }),
    db.notificationDelivery.update({
      where: { id: delivery.id },
      data: {
        status,
        attemptCount,
        lastAttemptAt: at,
        lastError: error,
        ...(status === "SENT" ? { sentAt: at } : {}),
        ...(status === "PENDING" ? { nextAttemptAt: new Date(at.getTime() + retryDelayMs(attemptCount)) } : {}),
      },
    }),
  ]);
  return status;
}

/**
 * Sends every due delivery of the outbox, one attempt each, and records each attempt's outcome. A
 * failed attempt is retried later with back-off (retryDelayMs) until VIGIL_NOTIFY_MAX_ATTEMPTS, then
 * marked FAILED (listNotificationFailures). A channel without configuration is marked NOT_CONFIGURED
 * once, without retries.
 */
export async function deliverDueNotifications(
  db: PrismaClient,
  settings: NotifySettings,
  options: DeliverOptions = {},
): Promise<DeliveryRunSummary> {
  const now = options.now ?? (() => new Date());
  const summary: DeliveryRunSummary = { attempted: 0, sent: 0, retrying: 0, failed: 0, notConfigured: 0 };
  const leaseMs = settings.timeoutMs * 4 + 60_000;
  for (let batch = 0; batch < MAX_BATCHES && !options.signal?.aborted; batch += 1) {
    const claimed = await claimDue(db, now(), leaseMs, options.batchSize ?? 20);
    if (claimed.length === 0) break;
    for (const delivery of claimed) {
      const started = performance.now();
      const outcome = await attempt(db, delivery, settings, options.signal);
      const status = await record(db, delivery, outcome, now(), Math.round(performance.now() - started), settings.maxAttempts);
      summary.attempted += 1;
      if (status === "SENT") summary.sent += 1;
      else if (status === "PENDING") summary.retrying += 1;
      else if (status === "FAILED") summary.failed += 1;
      else summary.notConfigured += 1;
      if (outcome.outcome === "FAILED")
        options.log?.[status === "FAILED" ? "error" : "warn"](
          {
            deliveryId: delivery.id,
            kind: delivery.kind,
            channel: delivery.channel,
            attempt: delivery.attemptCount + 1,
            error: outcome.error,
          },
          status === "FAILED" ? "notification delivery failed for good" : "notification delivery failed; will retry",
        );
    }
  }
  return summary;
}
