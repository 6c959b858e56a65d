import { z } from "zod";
import { sweepCheckouts } from "../lib/breakglass";
import { hasDueNotifications } from "../lib/notify";
import { startCheckoutFollowUps } from "./breakglass-follow-ups";
import { defineJob } from "./define-job";

/**
 * Expires active break-glass checkouts at the end of their countdown and lapses stale requests and
 * approvals; every minute. An expiry starts the rotation at once, and the notifications it queued
 * go out at once (chained runs on the worker's queue).
 */
export const breakglassSweepJob = defineJob({
  name: "breakglass-sweep",
  schema: z.object({}),
  options: {
    policy: "stately",
    localConcurrency: 1,
    // Idempotent: whatever a failed run missed, the next minute's run does.
    run: { retryLimit: 1, retryDelaySeconds: 10, retryBackoff: false, expireInSeconds: 120 },
  },
  handler: async (_payload, { db, log, enqueue }) => {
    const summary = await sweepCheckouts(db);
    if (summary.expired.length || summary.lapsed.length) {
      log.info({ expired: summary.expired, lapsed: summary.lapsed }, "break-glass checkouts swept");
      if (enqueue) {
        const followUps = { rotate: summary.expired.length > 0, notify: await hasDueNotifications(db) };
        await startCheckoutFollowUps(followUps, (job) => enqueue(job, {}), log);
      }
    }
    return { expired: summary.expired.length, lapsed: summary.lapsed.length, skipped: summary.skipped };
  },
});
