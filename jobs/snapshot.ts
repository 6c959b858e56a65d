import { z } from "zod";
import { awsConfigFromEnv } from "../lib/aws";
import { takeLiveSnapshot } from "../lib/snapshot";
import { defineJob } from "./define-job";
import { evaluateFindingsJob } from "./evaluate-findings";

/** Takes a LIVE inventory snapshot of the organization (lib/snapshot); scheduled by VIGIL_SNAPSHOT_CRON. */
export const snapshotJob = defineJob({
  name: "snapshot",
  schema: z.object({
    /** collect IAM only for these accounts (the rest is carried over); all active accounts when absent */
    accountIds: z
      .array(z.string().regex(/^\d{12}$/))
      .min(1)
      .optional(),
  }),
  options: {
    // One writer at a time is also enforced by lib/snapshot's advisory lock; this keeps runs from queueing up.
    policy: "stately",
    localConcurrency: 1,
    // A full read of a large organization takes minutes; a run killed mid-way is retried after its hour.
    run: { retryLimit: 2, retryDelaySeconds: 300, retryBackoff: true, expireInSeconds: 60 * 60 },
  },
  handler: async (payload, { db, log, signal, enqueue }) => {
    const result = await takeLiveSnapshot(db, {
      config: awsConfigFromEnv(),
      signal,
      accountIds: payload.accountIds,
      onProgress: (event) => {
        if (event.phase === "started") log.info({ snapshotId: event.snapshotId }, "snapshot started");
      },
    });
    const summary = {
      snapshotId: result.id,
      status: result.status,
      durationMs: result.durationMs,
      totals: result.counts?.totals,
      errors: result.errors.length,
    };
    if (result.status === "FAILED") throw new Error(`snapshot ${result.id} failed: ${result.failure}`);
    log.info(summary, "snapshot finished");
    const findingsJobId = await enqueue?.(evaluateFindingsJob, { snapshotId: result.id });
    return { ...summary, findingsJobId };
  },
});
