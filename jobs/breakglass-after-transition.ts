import { findCheckoutFollowUps, type StoredCheckout } from "../lib/breakglass";
import type { Db } from "../lib/db";
import { childLogger } from "../lib/log";
import { startCheckoutFollowUps, type FollowUpJob } from "./breakglass-follow-ups";
import { enqueueJob } from "./enqueue-job";

/**
 * Call after a checkout action committed (server action or route, with the checkout it returned;
 * for a reveal, `result.checkout`): a returned checkout's rotation and the notifications the step
 * queued (request, approval, emergency, reveal) start now instead of at the next minute's run.
 * Never throws; returns the jobs it queued. `databaseUrl` defaults to the server's database.
 */
export async function afterCheckoutTransition(
  db: Db,
  checkout: Pick<StoredCheckout, "status" | "nextRotationAt">,
  options: { databaseUrl?: string } = {},
): Promise<FollowUpJob["name"][]> {
  const log = childLogger("breakglass");
  try {
    const followUps = await findCheckoutFollowUps(db, [checkout]);
    return await startCheckoutFollowUps(followUps, (job) => enqueueJob(job.name, {}, options), log);
  } catch (error) {
    log.warn({ err: error }, "could not look up break-glass follow-ups; the schedules will run them within a minute");
    return [];
  }
}
