import PgBoss from "pg-boss";
import { childLogger } from "../lib/log";
import { runPolicyOf, type AnyJobDefinition } from "./define-job";
import { ensureQueue, PGBOSS_SCHEMA } from "./queues";

export type SendOptions = {
  startAfter?: Date | number;
};

export type JobQueueClient = {
  /**
   * Validates the payload and queues one run. Returns the job id, or null when the queue policy
   * dropped it because an equivalent run is already queued (stately/short).
   */
  send(job: AnyJobDefinition, payload: unknown, options?: SendOptions): Promise<string | null>;
  close(): Promise<void>;
};

/** A send-only pg-boss connection: no workers, no maintenance, no schedules. */
export async function openJobQueueClient(databaseUrl: string): Promise<JobQueueClient> {
  const log = childLogger("job-queue");
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: PGBOSS_SCHEMA,
    application_name: "vigil-enqueue",
    max: 2,
    supervise: false,
    schedule: false,
  });
  boss.on("error", (error) => log.error({ err: error }, "pg-boss error"));
  await boss.start();
  const readyQueues = new Set<string>();
  return {
    async send(job, payload, options = {}) {
      const data = job.schema.parse(payload) as object;
      if (!readyQueues.has(job.name)) {
        await ensureQueue(boss, job);
        readyQueues.add(job.name);
      }
      const id = await boss.send(job.name, data, {
        ...runPolicyOf(job, data),
        ...(options.startAfter !== undefined ? { startAfter: options.startAfter } : {}),
      });
      log.info({ job: job.name, jobId: id, deduplicated: id === null }, "job enqueued");
      return id;
    },
    close: () => boss.stop({ graceful: false, wait: true }),
  };
}
