import type { z } from "zod";
import type { AnyJobDefinition } from "./define-job";
import { pruneHeartbeatsJob } from "./prune-heartbeats";
import { snapshotJob } from "./snapshot";
import { ingestCloudTrailJob } from "./ingest-cloudtrail";
import { evaluateFindingsJob } from "./evaluate-findings";
import { anchorAuditJob } from "./anchor-audit";
import { sendNotificationJob } from "./send-notification";
import { breakglassSweepJob } from "./breakglass-sweep";
import { breakglassRotateJob } from "./breakglass-rotate";
import { breakglassDrillJob } from "./breakglass-drill";
import { startReviewCampaignJob } from "./start-review-campaign";
import { sendReviewRemindersJob } from "./send-review-reminders";
import { checkReviewRevokesJob } from "./check-review-revokes";
import { sendDriftReportJob } from "./send-drift-report";

/**
 * Every job the worker runs. Adding a job is one file (`jobs/<name>.ts` exporting a `defineJob`
 * with its run policy) plus one line here, and its cron (or null) in `jobs/schedules.ts`.
 */
export const JOBS = [
  pruneHeartbeatsJob,
  snapshotJob,
  ingestCloudTrailJob,
  evaluateFindingsJob,
  anchorAuditJob,
  sendNotificationJob,
  breakglassSweepJob,
  breakglassRotateJob,
  breakglassDrillJob,
  startReviewCampaignJob,
  sendReviewRemindersJob,
  checkReviewRevokesJob,
  sendDriftReportJob,
] as const satisfies readonly AnyJobDefinition[];

export type RegisteredJob = (typeof JOBS)[number];
export type JobName = RegisteredJob["name"];
/** What `enqueueJob(name, …)` accepts: the job schema's input (defaults may be omitted). */
export type JobPayload<N extends JobName> = z.input<Extract<RegisteredJob, { name: N }>["schema"]>;

export function getJobOrThrow(name: string, jobs: readonly AnyJobDefinition[] = JOBS): AnyJobDefinition {
  const job = jobs.find((candidate) => candidate.name === name);
  if (!job) throw new Error(`unknown job "${name}"; registered: ${jobs.map((j) => j.name).join(", ")}`);
  return job;
}
