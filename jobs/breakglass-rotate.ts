import { z } from "zod";
import { createClientPool, awsConfigFromEnv } from "../lib/aws";
import { findDueRotations, rotateCheckout, rotationClientsForOrganization } from "../lib/breakglass";
import { hasDueNotifications } from "../lib/notify";
import { defineJob } from "./define-job";
import { sendNotificationJob } from "./send-notification";

/**
 * Rotates the credential of every returned or expired checkout, and retries pending rotations
 * whose back-off (1, 2, 4 … 60 minutes, kept on the checkout) has elapsed; every minute. A refusal
 * by IAM is recorded on the checkout (rotation-pending, critical), not a failed job. Also queued at
 * once after a return (afterCheckoutTransition) or an expiry (breakglass-sweep).
 */
export const breakglassRotateJob = defineJob({
  name: "breakglass-rotate",
  schema: z.object({}),
  options: {
    policy: "stately",
    localConcurrency: 1,
    run: { retryLimit: 1, retryDelaySeconds: 30, retryBackoff: false, expireInSeconds: 15 * 60 },
  },
  handler: async (_payload, { db, log, signal, enqueue }) => {
    const due = await findDueRotations(db);
    if (due.length === 0) return { rotated: 0, pending: 0 };
    const pool = createClientPool({ ...awsConfigFromEnv(), signal });
    let rotated = 0;
    let pending = 0;
    try {
      const clientsFor = await rotationClientsForOrganization(db, pool);
      for (const checkoutId of due) {
        if (signal.aborted) break;
        const checkout = await rotateCheckout(db, clientsFor, checkoutId);
        if (checkout.status === "rotated") rotated++;
        else {
          pending++;
          log.error(
            { checkoutId, attempts: checkout.rotationAttempts, error: checkout.rotationError, nextRotationAt: checkout.nextRotationAt },
            "break-glass rotation refused: credential still live",
          );
        }
      }
    } finally {
      pool.destroy();
    }
    // A first failure queued its rotation.failed notification: send it now, not at the next minute.
    if (pending > 0 && enqueue && (await hasDueNotifications(db))) await enqueue(sendNotificationJob, {});
    return { rotated, pending };
  },
});
