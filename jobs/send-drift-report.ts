import { z } from "zod";
import { buildDriftReport, DriftError, sendDriftReport } from "../lib/drift";
import { env } from "../lib/env";
import { defineJob } from "./define-job";

/**
 * The weekly drift report (VIGIL_DRIFT_REPORT_CRON): from the previous review campaign's snapshot
 * (else a week back) to the latest, its summary queued for VIGIL_DRIFT_REPORT_EMAIL_TO and the
 * webhook through lib/notify. Fewer than two readable snapshots is nothing to report, not a failure.
 */
export const sendDriftReportJob = defineJob({
  name: "send-drift-report",
  schema: z.object({}),
  options: {
    policy: "stately",
    localConcurrency: 1,
    run: { retryLimit: 2, retryDelaySeconds: 60, retryBackoff: true, expireInSeconds: 30 * 60 },
  },
  handler: async (_payload, { db, log }) => {
    const subscribers = (env().VIGIL_DRIFT_REPORT_EMAIL_TO ?? "")
      .split(",")
      .map((address) => address.trim())
      .filter(Boolean);
    let report;
    try {
      report = await buildDriftReport(db);
    } catch (error) {
      if (error instanceof DriftError && error.code === "NOT_ENOUGH_SNAPSHOTS") {
        log.info({ reason: error.message }, "drift report skipped");
        return { skipped: error.message };
      }
      throw error;
    }
    const { notificationId } = await sendDriftReport(db, { report, subscribers, actor: { type: "system", name: "send-drift-report" } });
    log.info({ fromSnapshotId: report.from.id, toSnapshotId: report.to.id, counts: report.counts, notificationId }, "drift report queued");
    return { fromSnapshotId: report.from.id, toSnapshotId: report.to.id, notificationId };
  },
});
