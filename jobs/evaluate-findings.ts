import { z } from "zod";
import { evaluateFindings } from "../lib/findings";
import { checkReviewRevokesJob } from "./check-review-revokes";
import { defineJob } from "./define-job";

/** Runs the findings rules on one snapshot (lib/findings); chained after each scheduled snapshot, never cron'd. */
export const evaluateFindingsJob = defineJob({
  name: "evaluate-findings",
  schema: z.object({ snapshotId: z.number().int().positive() }),
  options: {
    // One evaluation at a time (lib/findings also serialises them with an advisory lock); an older
    // snapshot evaluated after a newer one is a no-op, so a late retry cannot move findings backwards.
    policy: "singleton",
    localConcurrency: 1,
    run: { retryLimit: 2, retryDelaySeconds: 60, retryBackoff: true, expireInSeconds: 30 * 60 },
  },
  handler: async (payload, { db, log, enqueue }) => {
    const result = await evaluateFindings(db, payload.snapshotId);
    const summary = {
      snapshotId: result.snapshotId,
      skipped: result.skipped,
      new: result.new,
      resolved: result.resolved,
      reopened: result.reopened,
      open: result.open,
    };
    if (result.graphError || result.baselinesError)
      log.warn(
        { snapshotId: result.snapshotId, graphError: result.graphError, baselinesError: result.baselinesError },
        "findings evaluated with gaps",
      );
    log.info(summary, "findings evaluated");
    // Whether the access reviews' revokes were carried out: lib/review checks only complete snapshots.
    const revokesJobId = await enqueue?.(checkReviewRevokesJob, { snapshotId: payload.snapshotId });
    return { ...summary, revokesJobId };
  },
});
