import { z } from "zod";
import { anchorAuditHead } from "../lib/audit";
import { env } from "../lib/env";
import { defineJob } from "./define-job";

/**
 * Writes the audit trail's head (sequence + hash) to the log, and to VIGIL_AUDIT_ANCHOR_FILE and
 * VIGIL_AUDIT_ANCHOR_WEBHOOK when set: copies outside the database that a rewrite of it cannot match.
 */
export const anchorAuditJob = defineJob({
  name: "anchor-audit",
  schema: z.object({}),
  options: {
    policy: "stately",
    localConcurrency: 1,
    run: { retryLimit: 3, retryDelaySeconds: 30, retryBackoff: true, expireInSeconds: 120 },
  },
  handler: async (_payload, { db, log, signal }) => {
    const settings = env();
    const anchor = await anchorAuditHead(
      db,
      {
        file: settings.VIGIL_AUDIT_ANCHOR_FILE,
        webhookUrl: settings.VIGIL_AUDIT_ANCHOR_WEBHOOK,
        webhookTimeoutMs: settings.VIGIL_AUDIT_ANCHOR_WEBHOOK_TIMEOUT_MS,
      },
      { log, signal },
    );
    return { sequence: anchor.sequence.toString(), hash: anchor.hash };
  },
});
