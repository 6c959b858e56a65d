import { z } from "zod";
import { awsConfigFromEnv } from "../lib/aws";
import { ingestCloudTrailForOrganization } from "../lib/cloudtrail";
import { defineJob } from "./define-job";

/** Incremental CloudTrail LookupEvents sweep (lib/cloudtrail); scheduled by VIGIL_CLOUDTRAIL_CRON. */
export const ingestCloudTrailJob = defineJob({
  name: "ingest-cloudtrail",
  schema: z.object({
    /** re-read from this time instead of each watermark (catch-up after an outage) */
    since: z.iso.datetime().optional(),
  }),
  options: {
    policy: "stately",
    localConcurrency: 1,
    // Incremental from a watermark: a missed or failed run is caught up by the next one.
    run: { retryLimit: 3, retryDelaySeconds: 60, retryBackoff: true, expireInSeconds: 30 * 60 },
  },
  handler: async (payload, { db, log, signal }) => {
    const result = await ingestCloudTrailForOrganization(db, {
      config: awsConfigFromEnv(),
      signal,
      since: payload.since ? new Date(payload.since) : undefined,
    });
    if ("skipped" in result) {
      log.info(result, "CloudTrail ingestion skipped");
      return result;
    }
    const summary = {
      runId: result.runId,
      status: result.status,
      eventsSeen: result.eventsSeen,
      eventsNew: result.eventsNew,
      errors: result.errors.length,
    };
    // PARTIAL is a success for the queue: the failed accounts keep their watermark and are retried next run.
    if (result.status === "FAILED")
      throw new Error(`CloudTrail ingestion run ${result.runId} failed: ${result.errors[0]?.message ?? "no account could be read"}`);
    log.info(summary, "CloudTrail ingestion finished");
    return summary;
  },
});
