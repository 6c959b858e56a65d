import type { PrismaClient } from "../../lib/db";

export type BossJobRow = { id: string; state: string; retryCount: number; singletonKey: string | null; output: unknown };

/** Reads pg-boss's job table directly: what tests assert on is what Postgres recorded. */
export function findBossJobs(db: PrismaClient, queue: string): Promise<BossJobRow[]> {
  return db.$queryRaw<BossJobRow[]>`
    SELECT id::text AS id, state::text AS state, retry_count AS "retryCount",
           singleton_key AS "singletonKey", output
    FROM pgboss.job WHERE name = ${queue} ORDER BY created_on`;
}
