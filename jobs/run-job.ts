import type PgBoss from "pg-boss";
import type { PrismaClient } from "../lib/db";
import type { Logger } from "../lib/log";
import type { AnyJobDefinition, JobContext } from "./define-job";

/** Aborts a handler's signal this long before pg-boss gives up on it, so it can stop tidily. */
const EXPIRY_MARGIN_MS = 1_000;

export type InFlightRuns = Set<AbortController>;

/**
 * Adapts a job definition to a pg-boss work handler: validates the payload, gives the handler its
 * context, aborts its signal at expiry. pg-boss completes the job when this resolves and fails it
 * (retry or failed, per retryLimit) when it throws or outlives expireInSeconds.
 */
export function createJobRunner(
  job: AnyJobDefinition,
  dependencies: { db: PrismaClient; log: Logger; inFlight: InFlightRuns; enqueue?: JobContext["enqueue"] },
): PgBoss.WorkWithMetadataHandler<unknown> {
  return async ([run]) => {
    if (!run) return undefined;
    const log = dependencies.log.child({ job: job.name, jobId: run.id, retryCount: run.retryCount });
    const parsed = job.schema.safeParse(run.data ?? {});
    if (!parsed.success) {
      log.error({ issues: parsed.error.issues }, "job payload rejected");
      throw new Error(`invalid payload for job ${job.name}: ${parsed.error.message}`);
    }
    const controller = new AbortController();
    const expiry = setTimeout(
      () => controller.abort(new Error(`job ${job.name} exceeded ${run.expireInSeconds}s`)),
      Math.max(0, run.expireInSeconds * 1000 - EXPIRY_MARGIN_MS),
    );
    dependencies.inFlight.add(controller);
    const started = performance.now();
    log.info("job started");
    try {
      const output = await job.handler(parsed.data, {
        db: dependencies.db,
        log,
        jobId: run.id,
        retryCount: run.retryCount,
        signal: controller.signal,
        enqueue: dependencies.enqueue,
      });
      log.info({ durationMs: Math.round(performance.now() - started) }, "job completed");
      return output;
    } catch (error) {
      log.error({ err: error, durationMs: Math.round(performance.now() - started) }, "job failed");
      throw error;
    } finally {
      clearTimeout(expiry);
      dependencies.inFlight.delete(controller);
    }
  };
}
