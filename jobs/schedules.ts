import type { Env } from "../lib/env";
import type { RunOptions } from "./define-job";
import type { JobName } from "./registry";

/**
 * Jobs scheduled here before their file lands (the inventory engineer adds jobs/snapshot.ts and
 * jobs/ingest-cloudtrail.ts). The worker skips, with a warning, a schedule whose job is not registered.
 */
type PlannedJobName = "snapshot" | "ingest-cloudtrail";

export type ScheduleSpec = RunOptions & {
  job: JobName | PlannedJobName;
  /** Five-field cron, evaluated by pg-boss in `tz` (DST-aware). */
  cron: string;
  tz: string;
  /** Must equal the job's on-demand singleton key so a scheduled and a manual run never overlap. */
  singletonKey: string;
  payload: Record<string, unknown>;
};

type ScheduleSettings = Pick<Env, "VIGIL_TIMEZONE" | "VIGIL_SNAPSHOT_CRON" | "VIGIL_CLOUDTRAIL_CRON">;

/**
 * The one place every recurring job is declared. pg-boss keeps one schedule per queue, in the
 * database, and fires it from whichever worker's clock check wins (so N workers fire it once).
 */
export function buildSchedules(settings: ScheduleSettings): ScheduleSpec[] {
  const tz = settings.VIGIL_TIMEZONE;
  return [
    {
      job: "snapshot",
      cron: settings.VIGIL_SNAPSHOT_CRON,
      tz,
      singletonKey: "snapshot",
      payload: {},
      // A full organization read; a large org takes minutes. A killed run is retried after 1 h.
      retryLimit: 2,
      retryDelaySeconds: 300,
      retryBackoff: true,
      expireInSeconds: 60 * 60,
    },
    {
      job: "ingest-cloudtrail",
      cron: settings.VIGIL_CLOUDTRAIL_CRON,
      tz,
      singletonKey: "ingest-cloudtrail",
      payload: {},
      // Incremental from a watermark: a missed or failed run is caught up by the next one.
      retryLimit: 3,
      retryDelaySeconds: 60,
      retryBackoff: true,
      expireInSeconds: 30 * 60,
    },
    {
      job: "prune-heartbeats",
      cron: "23 * * * *",
      tz,
      singletonKey: "prune-heartbeats",
      payload: {},
      retryLimit: 2,
      retryDelaySeconds: 60,
      retryBackoff: true,
      expireInSeconds: 120,
    },
  ];
}
