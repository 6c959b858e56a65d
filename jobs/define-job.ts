import type { z } from "zod";
import type { PrismaClient } from "../lib/db";
import type { Logger } from "../lib/log";

/**
 * pg-boss 10 queue policies, enforced by unique indexes in Postgres (so across every worker):
 * - `standard`: no limit.
 * - `short`: at most one job queued per singleton key.
 * - `singleton`: at most one job active per singleton key; more may queue behind it.
 * - `stately`: at most one queued and one active per singleton key; further sends are dropped.
 * A job without a singleton key shares the key '' with every other keyless job of its queue.
 */
export type QueuePolicy = "standard" | "short" | "singleton" | "stately";

/**
 * How one run is supervised. Declared once, in the job's definition: the queue's defaults, every
 * on-demand run and every scheduled run take it from there (runPolicyOf).
 */
export type RunOptions = {
  /** Retries after the first attempt. A run killed mid-flight counts as a failed attempt. */
  retryLimit: number;
  retryDelaySeconds: number;
  /** Exponential back-off with jitter from retryDelaySeconds (pg-boss). */
  retryBackoff: boolean;
  /**
   * Longest a run may stay active. A worker killed mid-run leaves its job active until this
   * elapses; the next maintenance pass (any live worker) then retries or fails it. Handlers that
   * run longer are failed and their `signal` is aborted.
   */
  expireInSeconds: number;
};

export type JobOptions<Payload> = {
  policy: QueuePolicy;
  /** Handlers polling this queue in each worker process; defaults to the worker's concurrency. */
  localConcurrency?: number;
  run: RunOptions;
  /**
   * The slot singleton/stately policies guard. Defaults to the job name, so an on-demand run and a
   * scheduled run of the same job never overlap.
   */
  singletonKey?(payload: Payload): string;
};

export type JobContext = {
  db: PrismaClient;
  log: Logger;
  jobId: string;
  /** 0 on the first attempt, 1 on the first retry, … */
  retryCount: number;
  /** Aborted when the run exceeds its expiry or the worker's graceful stop times out. */
  signal: AbortSignal;
  /** Queues a follow-up job on the worker's own queue (a chained run); absent when a handler is called outside a worker. */
  enqueue?: (job: AnyJobDefinition, payload: unknown) => Promise<string | null>;
};

export type JobDefinition<Name extends string = string, Schema extends z.ZodType = z.ZodType> = {
  name: Name;
  /** Validates the payload on enqueue and again before the handler runs. */
  schema: Schema;
  // Method syntax: a registry of differently-typed jobs is then assignable to AnyJobDefinition[].
  handler(payload: z.output<Schema>, context: JobContext): Promise<unknown>;
  options: JobOptions<z.output<Schema>>;
};

export type AnyJobDefinition = JobDefinition<string, z.ZodType>;

export function defineJob<const Name extends string, Schema extends z.ZodType>(
  definition: JobDefinition<Name, Schema>,
): JobDefinition<Name, Schema> {
  if (!/^[a-z][a-z0-9-]*$/.test(definition.name)) {
    throw new Error(`job name "${definition.name}" must be kebab-case`);
  }
  return definition;
}

/** pg-boss send options for one run of `job` with this (parsed) payload. */
export type RunPolicy = {
  singletonKey: string;
  retryLimit: number;
  retryDelay: number;
  retryBackoff: boolean;
  expireInSeconds: number;
};

/**
 * The one derivation of a run's options from its job's definition. Sending (enqueueJob) and
 * scheduling (buildSchedules) both use it, so a manual and a scheduled run of a job share its
 * singleton slot and its retry and expiry rules by construction.
 */
export function runPolicyOf<Payload>(job: { name: string; options: JobOptions<Payload> }, payload: Payload): RunPolicy {
  const { run } = job.options;
  return {
    singletonKey: job.options.singletonKey?.(payload) ?? job.name,
    retryLimit: run.retryLimit,
    retryDelay: run.retryDelaySeconds,
    retryBackoff: run.retryBackoff,
    expireInSeconds: run.expireInSeconds,
  };
}
