import type { CheckoutFollowUps } from "../lib/breakglass";
import type { Logger } from "../lib/log";
import { breakglassRotateJob } from "./breakglass-rotate";
import { sendNotificationJob } from "./send-notification";

export type FollowUpJob = typeof breakglassRotateJob | typeof sendNotificationJob;

/**
 * Queues the on-demand runs a checkout transition calls for (findCheckoutFollowUps). Both jobs are
 * stately singletons, so a run already queued absorbs this one. A failed send is logged, never
 * thrown: the transition is committed and the every-minute schedules pick up whatever was missed.
 */
export async function startCheckoutFollowUps(
  followUps: CheckoutFollowUps,
  enqueue: (job: FollowUpJob) => Promise<string | null>,
  log: Logger,
): Promise<FollowUpJob["name"][]> {
  const jobs = [...(followUps.rotate ? [breakglassRotateJob] : []), ...(followUps.notify ? [sendNotificationJob] : [])];
  const started: FollowUpJob["name"][] = [];
  for (const job of jobs) {
    try {
      await enqueue(job);
      started.push(job.name);
    } catch (error) {
      log.warn({ err: error, job: job.name }, "could not queue a break-glass follow-up; the schedule will run it within a minute");
    }
  }
  return started;
}
