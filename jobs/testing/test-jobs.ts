import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { defineJob, type AnyJobDefinition, type QueuePolicy, type RunOptions } from "../define-job";
import { scheduleOf, type ScheduleSpec } from "../schedules";

/** One handler invocation, as seen by the worker that ran it. */
export type RecordedRun = { jobId: string; key: string; worker: string; startedAt: number; endedAt: number };

export const TEST_PAYLOAD = z.object({ key: z.string().default("default") });

/**
 * A job that sleeps `durationMs` and records when it ran. Each worker under test gets its own
 * instance (same name, different `worker` tag) sharing one `runs` array.
 */
export function makeRecordingJob(input: {
  name: string;
  policy: QueuePolicy;
  worker: string;
  runs: RecordedRun[];
  durationMs: number;
  run?: Partial<RunOptions>;
  localConcurrency?: number;
}) {
  return defineJob({
    name: input.name,
    schema: TEST_PAYLOAD,
    options: {
      policy: input.policy,
      localConcurrency: input.localConcurrency,
      singletonKey: (payload) => payload.key,
      run: { retryLimit: 0, retryDelaySeconds: 0, retryBackoff: false, expireInSeconds: 30, ...input.run },
    },
    handler: async (payload, context) => {
      const startedAt = Date.now();
      await sleep(input.durationMs);
      input.runs.push({ jobId: context.jobId, key: payload.key, worker: input.worker, startedAt, endedAt: Date.now() });
    },
  });
}

/** A schedule that fires as soon as a worker starts: `* * * * *`'s last tick is always < 60 s ago. */
export function everyMinuteSchedule(job: AnyJobDefinition, key: string): ScheduleSpec {
  return scheduleOf(job, "* * * * *", "UTC", { key });
}

/** Runs killed with their worker: short expiry so the test sees them recovered within seconds. */
export const KILLED_RUN_OPTIONS = {
  retried: { retryLimit: 1, retryDelaySeconds: 0, retryBackoff: false, expireInSeconds: 3 },
  failed: { retryLimit: 0, retryDelaySeconds: 0, retryBackoff: false, expireInSeconds: 3 },
} satisfies Record<string, RunOptions>;

export function makeKillableJob(name: string, run: RunOptions, handler: (jobId: string, retryCount: number) => Promise<unknown>) {
  return defineJob({
    name,
    schema: z.object({}),
    options: { policy: "singleton", localConcurrency: 1, run },
    handler: (_payload, context) => handler(context.jobId, context.retryCount),
  });
}
