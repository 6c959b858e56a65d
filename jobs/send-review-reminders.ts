import { z } from "zod";
import { sendReviewReminders } from "../lib/review";
import { defineJob } from "./define-job";
import { sendNotificationJob } from "./send-notification";

/** Reminds reviewers with undecided rows (lib/review → lib/notify outbox); daily, VIGIL_REVIEW_REMINDER_CRON. */
export const sendReviewRemindersJob = defineJob({
  name: "send-review-reminders",
  schema: z.object({}),
  options: {
    policy: "stately",
    localConcurrency: 1,
    run: { retryLimit: 2, retryDelaySeconds: 120, retryBackoff: true, expireInSeconds: 10 * 60 },
  },
  handler: async (_payload, { db, log, enqueue }) => {
    const result = await sendReviewReminders(db);
    if (result.reminded > 0) {
      log.info(result, "review reminders queued");
      await enqueue?.(sendNotificationJob, {});
    }
    return result;
  },
});
