import type { Env } from "../lib/env";
import { runPolicyOf, type AnyJobDefinition, type RunPolicy } from "./define-job";
import { JOBS, type JobName } from "./registry";

export type ScheduleSpec = {
  job: string;
  /** Five-field cron, evaluated by pg-boss in `tz` (DST-aware). */
  cron: string;
  tz: string;
  payload: object;
  /** Derived from the job's definition, exactly as for an on-demand run of the same payload. */
  policy: RunPolicy;
};

type ScheduleSettings = Pick<
  Env,
  | "VIGIL_TIMEZONE"
  | "VIGIL_SNAPSHOT_CRON"
  | "VIGIL_CLOUDTRAIL_CRON"
  | "VIGIL_AUDIT_ANCHOR_CRON"
  | "VIGIL_REVIEW_CRON"
  | "VIGIL_REVIEW_REMINDER_CRON"
  | "VIGIL_DRIFT_REPORT_CRON"
>;

/**
 * When each registered job recurs (null: on demand only). Keyed by every job name, so a new job
 * must say. Retries, expiry and singleton keys are not repeated here: they come from the job.
 */
const CRONS: Record<JobName, ((settings: ScheduleSettings) => string) | null> = {
  snapshot: (settings) => settings.VIGIL_SNAPSHOT_CRON,
  "ingest-cloudtrail": (settings) => settings.VIGIL_CLOUDTRAIL_CRON,
  "prune-heartbeats": () => "23 * * * *",
  // Chained: the snapshot job enqueues it for the snapshot it took.
  "evaluate-findings": null,
  "anchor-audit": (settings) => settings.VIGIL_AUDIT_ANCHOR_CRON,
  // Drains the notification outbox (retries with back-off live in the outbox); also run on demand.
  "send-notification": () => "* * * * *",
  "breakglass-sweep": () => "* * * * *",
  "breakglass-rotate": () => "* * * * *",
  "breakglass-drill": () => "17 6 * * *",
  "start-review-campaign": (settings) => settings.VIGIL_REVIEW_CRON,
  "send-review-reminders": (settings) => settings.VIGIL_REVIEW_REMINDER_CRON,
  // Chained after each snapshot's findings (jobs/evaluate-findings.ts); hourly as well, on the latest complete snapshot.
  "check-review-revokes": () => "41 * * * *",
  "send-drift-report": (settings) => settings.VIGIL_DRIFT_REPORT_CRON,
};

/** A schedule of `job`: the cron and time zone given, everything else from the job's definition. */
export function scheduleOf(job: AnyJobDefinition, cron: string, tz: string, payload: object = {}): ScheduleSpec {
  // Parsed as a run would be, so a payload the job refuses fails at start-up, not at every tick.
  return { job: job.name, cron, tz, payload, policy: runPolicyOf(job, job.schema.parse(payload)) };
}

/**
 * The one place every recurring job is declared. pg-boss keeps one schedule per queue, in the
 * database, and fires it from whichever worker's clock check wins (so N workers fire it once).
 */
export function buildSchedules(settings: ScheduleSettings): ScheduleSpec[] {
  return JOBS.flatMap((job) => {
    const cron = CRONS[job.name]?.(settings);
    return cron ? [scheduleOf(job, cron, settings.VIGIL_TIMEZONE)] : [];
  });
}
