import { describe, expect, it } from "vitest";
import { parseEnv } from "../lib/env";
import { singletonKeyOf } from "./define-job";
import { JOBS } from "./registry";
import { buildSchedules } from "./schedules";

describe("schedules", () => {
  it("take their crons and time zone from the environment, with hourly / quarter-hourly defaults", () => {
    const defaults = buildSchedules(parseEnv({}));
    expect(defaults.find((s) => s.job === "snapshot")).toMatchObject({ cron: "0 * * * *", tz: "UTC" });
    expect(defaults.find((s) => s.job === "ingest-cloudtrail")).toMatchObject({ cron: "*/15 * * * *", tz: "UTC" });

    const custom = buildSchedules(
      parseEnv({ VIGIL_SNAPSHOT_CRON: "30 2 * * *", VIGIL_CLOUDTRAIL_CRON: "*/5 * * * *", VIGIL_TIMEZONE: "Europe/Paris" }),
    );
    expect(custom.find((s) => s.job === "snapshot")).toMatchObject({ cron: "30 2 * * *", tz: "Europe/Paris" });
    expect(custom.find((s) => s.job === "ingest-cloudtrail")).toMatchObject({ cron: "*/5 * * * *" });
  });

  it("refuses an unknown time zone or a malformed cron, naming each setting", () => {
    expect(() => parseEnv({ VIGIL_TIMEZONE: "Mars/Olympus", VIGIL_SNAPSHOT_CRON: "hourly" })).toThrow(
      /VIGIL_TIMEZONE[\s\S]*VIGIL_SNAPSHOT_CRON/,
    );
  });

  it("declare each job at most once, with the singleton key its on-demand runs use", () => {
    const schedules = buildSchedules(parseEnv({}));
    expect(new Set(schedules.map((s) => s.job)).size).toBe(schedules.length);
    for (const schedule of schedules) {
      const job = JOBS.find((candidate) => candidate.name === schedule.job);
      if (!job) continue; // declared ahead of its job file (snapshot, ingest-cloudtrail)
      expect(schedule.singletonKey, schedule.job).toBe(singletonKeyOf(job, job.schema.parse(schedule.payload)));
    }
  });

  it("give every run an expiry within pg-boss's 24 h limit and a non-negative retry policy", () => {
    for (const schedule of buildSchedules(parseEnv({}))) {
      expect(schedule.expireInSeconds).toBeGreaterThan(0);
      expect(schedule.expireInSeconds).toBeLessThan(24 * 60 * 60);
      expect(schedule.retryLimit).toBeGreaterThanOrEqual(0);
    }
  });
});
