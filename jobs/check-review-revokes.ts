import { z } from "zod";
import { checkRevokes } from "../lib/review";
import { defineJob } from "./define-job";

/**
 * Marks each pending revoke DONE or NOT_DONE from a complete snapshot (lib/review). Chained after
 * each snapshot's findings evaluation with its id; the hourly run without one checks the latest
 * complete snapshot, so a lost chain only delays the answer.
 */
export const checkReviewRevokesJob = defineJob({
  name: "check-review-revokes",
  schema: z.object({ snapshotId: z.number().int().positive().optional() }),
  options: {
    policy: "singleton",
    localConcurrency: 1,
    run: { retryLimit: 2, retryDelaySeconds: 60, retryBackoff: true, expireInSeconds: 30 * 60 },
  },
  handler: async (payload, { db, log }) => {
    const snapshotId =
      payload.snapshotId ??
      (await db.snapshot.findFirst({ where: { status: "COMPLETE" }, orderBy: { id: "desc" }, select: { id: true } }))?.id;
    if (snapshotId === undefined) return { checked: 0, done: 0, notDone: 0 };
    const result = await checkRevokes(db, snapshotId);
    if (result.checked > 0) log.info({ snapshotId, ...result }, "review revokes checked");
    return { snapshotId, ...result };
  },
});
