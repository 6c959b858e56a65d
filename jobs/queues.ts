import { setTimeout as sleep } from "node:timers/promises";
import type PgBoss from "pg-boss";
import type { AnyJobDefinition } from "./define-job";

/** pg-boss keeps its tables in this schema of Vigil's own database. */
export const PGBOSS_SCHEMA = "pgboss";

/** deadlock_detected, unique_violation, duplicate_table: another process created the queue meanwhile. */
const CREATE_RACE_CODES = new Set(["40P01", "23505", "42P07"]);

export function queueOptionsOf(job: AnyJobDefinition): PgBoss.Queue {
  const { policy, run } = job.options;
  return {
    name: job.name,
    policy,
    retryLimit: run.retryLimit,
    retryDelay: run.retryDelaySeconds,
    retryBackoff: run.retryBackoff,
    expireInSeconds: run.expireInSeconds,
  };
}

/**
 * Creates the job's queue, or brings an existing one up to the declared policy and run options
 * (createQueue alone leaves an existing queue untouched). Jobs take these as defaults when sent.
 */
export async function ensureQueue(boss: PgBoss, job: AnyJobDefinition): Promise<void> {
  const options = queueOptionsOf(job);
  if (!(await boss.getQueue(job.name))) await createQueueRacing(boss, job.name, options);
  await boss.updateQueue(job.name, options);
}

/**
 * pg-boss's create_queue() adds a partition and its indexes; two workers starting together can
 * deadlock on it (seen in worker.integration.test.ts). Postgres aborts one side; it retries and
 * then finds the queue created.
 */
async function createQueueRacing(boss: PgBoss, name: string, options: PgBoss.Queue): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await boss.createQueue(name, options);
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (!code || !CREATE_RACE_CODES.has(code) || attempt >= 5) throw error;
      await sleep(50 * attempt + Math.random() * 100);
      if (await boss.getQueue(name)) return;
    }
  }
}
