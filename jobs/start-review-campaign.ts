import { z } from "zod";
import { startReviewCampaign } from "../lib/review";
import { defineJob } from "./define-job";

/** Starts the week's access-review campaign (lib/review); scheduled by VIGIL_REVIEW_CRON in VIGIL_TIMEZONE. */
export const startReviewCampaignJob = defineJob({
  name: "start-review-campaign",
  schema: z.object({}),
  options: {
    // lib/review keeps one campaign per week whatever runs it; this keeps runs from queueing up.
    policy: "stately",
    localConcurrency: 1,
    run: { retryLimit: 3, retryDelaySeconds: 300, retryBackoff: true, expireInSeconds: 60 * 60 },
  },
  handler: async (_payload, { db, log }) => {
    const { campaign, isCreated } = await startReviewCampaign(db, { actor: { type: "system", name: "review-schedule" } });
    const summary = { campaignId: campaign.id, isCreated, snapshotId: campaign.snapshotId, rows: campaign.counts.total };
    log.info({ ...summary, byChange: campaign.counts.byChange }, isCreated ? "review campaign started" : "review campaign already started");
    return summary;
  },
});
