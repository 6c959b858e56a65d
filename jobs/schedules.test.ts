import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseEnv } from "../lib/env";
import { defineJob, type AnyJobDefinition } from "./define-job";
import { JOBS } from "./registry";
import { buildSchedules, scheduleOf } from "./schedules";

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

  it("schedule every registered job but the chained ones once, with the retries, expiry and singleton key of its own definition", () => {
    const schedules = buildSchedules(parseEnv({}));
    // evaluate-findings is chained to each snapshot (jobs/snapshot.ts enqueues it), never cron'd.
    const chained = ["evaluate-findings"];
    expect(schedules.map((s) => s.job).sort()).toEqual(
      JOBS.map((job) => job.name)
        .filter((name) => !chained.includes(name))
        .sort(),
    );
    for (const schedule of schedules) {
      const job: AnyJobDefinition | undefined = JOBS.find((candidate) => candidate.name === schedule.job);
      if (!job) throw new Error(`${schedule.job} is scheduled but not registered`);
      const { run } = job.options;
      expect(schedule.policy, schedule.job).toEqual({
        singletonKey: job.options.singletonKey?.(job.schema.parse(schedule.payload)) ?? job.name,
        retryLimit: run.retryLimit,
        retryDelay: run.retryDelaySeconds,
        retryBackoff: run.retryBackoff,
        expireInSeconds: run.expireInSeconds,
      });
    }
  });

  it("give every registered job an expiry within pg-boss's 24 h limit and a non-negative retry policy", () => {
    for (const job of JOBS) {
      expect(job.options.run.expireInSeconds, job.name).toBeGreaterThan(0);
      expect(job.options.run.expireInSeconds, job.name).toBeLessThan(24 * 60 * 60);
      expect(job.options.run.retryLimit, job.name).toBeGreaterThanOrEqual(0);
    }
  });

  it("key a scheduled run by its payload when the job keys its runs so, and refuse a payload the job would refuse", () => {
    const perAccount = defineJob({
      name: "per-account",
      schema: z.object({ accountId: z.string().regex(/^\d{12}$/) }),
      options: {
        policy: "singleton",
        singletonKey: (payload) => `account:${payload.accountId}`,
        run: { retryLimit: 4, retryDelaySeconds: 7, retryBackoff: false, expireInSeconds: 90 },
      },
      handler: async () => undefined,
    });
    expect(scheduleOf(perAccount, "0 3 * * *", "UTC", { accountId: "111122223333" }).policy).toEqual({
      singletonKey: "account:111122223333",
      retryLimit: 4,
      retryDelay: 7,
      retryBackoff: false,
      expireInSeconds: 90,
    });
    expect(() => scheduleOf(perAccount, "0 3 * * *", "UTC", { accountId: "nope" })).toThrow(/accountId/);
  });
});
