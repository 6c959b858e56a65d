import { z } from "zod";
import { env } from "../lib/env";
import { deliverDueNotifications, notifySettingsFrom } from "../lib/notify";
import { defineJob } from "./define-job";

/**
 * Drains the notification outbox (lib/notify): every due delivery gets one attempt, recorded; failed
 * ones are retried by a later run with back-off kept in the outbox, so pg-boss retries only a run
 * that crashed. Scheduled every minute; an on-demand run (after a checkout transition) sends at once.
 */
export const sendNotificationJob = defineJob({
  name: "send-notification",
  schema: z.object({}),
  options: {
    // One queued run is enough to wake the drain; the outbox's SKIP LOCKED claim keeps two workers apart.
    policy: "stately",
    localConcurrency: 1,
    run: { retryLimit: 2, retryDelaySeconds: 15, retryBackoff: true, expireInSeconds: 10 * 60 },
  },
  handler: async (_payload, { db, log, signal }) => {
    const summary = await deliverDueNotifications(db, notifySettingsFrom(env()), { log, signal });
    if (summary.attempted > 0) log.info(summary, "notifications delivered");
    return summary;
  },
});
