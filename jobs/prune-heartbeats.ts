import { z } from "zod";
import { pruneHeartbeats } from "../lib/health";
import { defineJob } from "./define-job";

/** Removes heartbeat rows of workers that stopped (crashed, scaled down) a day or more ago. */
export const pruneHeartbeatsJob = defineJob({
  name: "prune-heartbeats",
  schema: z.object({
    olderThanSeconds: z
      .number()
      .int()
      .min(60)
      .default(24 * 60 * 60),
  }),
  options: {
    policy: "stately",
    localConcurrency: 1,
    run: { retryLimit: 2, retryDelaySeconds: 60, retryBackoff: true, expireInSeconds: 120 },
  },
  handler: async (payload, { db, log }) => {
    const deleted = await pruneHeartbeats(db, payload);
    log.info({ deleted }, "pruned stale worker heartbeats");
    return { deleted };
  },
});
