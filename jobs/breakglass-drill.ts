import { z } from "zod";
import { createClientPool, awsConfigFromEnv } from "../lib/aws";
import { rotationClientsForOrganization, runBreakglassDrill } from "../lib/breakglass";
import { defineJob } from "./define-job";

/** The daily drill: every vault credential checked against IAM; failures are recorded (listDrillFailures) and logged. */
export const breakglassDrillJob = defineJob({
  name: "breakglass-drill",
  schema: z.object({}),
  options: {
    policy: "stately",
    localConcurrency: 1,
    run: { retryLimit: 2, retryDelaySeconds: 300, retryBackoff: true, expireInSeconds: 30 * 60 },
  },
  handler: async (_payload, { db, log, signal }) => {
    const pool = createClientPool({ ...awsConfigFromEnv(), signal });
    try {
      const clientsFor = await rotationClientsForOrganization(db, pool);
      const results = await runBreakglassDrill(db, (accountId) => clientsFor(accountId).iam);
      const failed = results.filter((r) => !r.isPassed);
      for (const failure of failed)
        log.error({ credentialId: failure.credentialId, problems: failure.problems }, "break-glass drill failed");
      return { credentials: results.length, failed: failed.length };
    } finally {
      pool.destroy();
    }
  },
});
