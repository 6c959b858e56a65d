import { z } from "zod";
import { createClientPool, awsConfigFromEnv } from "../lib/aws";
import { findDueRotations, rotateCheckout, rotationClientsForOrganization } from "../lib/breakglass";
import { defineJob } from "./define-job";

/**
 * Rotates the credential of every returned or expired checkout, and retries pending rotations
 * whose back-off (1, 2, 4 … 60 minutes, kept on the checkout) has elapsed; every minute. A refusal
 * by IAM is recorded on the checkout (rotation-pending, critical), not a failed job.
 */
export const breakglassRotateJob = defineJob({
  name: "breakglass-rotate",
  schema: z.object({}),
  options: {
    policy: "stately",
    localConcurrency: 1,
    run: { retryLimit: 1, retryDelaySeconds: 30, retryBackoff: false, expireInSeconds: 15 * 60 },
  },
  handler: async (_payload, { db, log, signal }) => {
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
    return { rotated, pending };
  },
});
