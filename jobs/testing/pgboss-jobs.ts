import { setTimeout as sleep } from "node:timers/promises";
import type { PrismaClient } from "../../lib/db";

export type BossJobRow = { id: string; state: string; retryCount: number; singletonKey: string | null; output: unknown };

/** Reads pg-boss's job table directly: what tests assert on is what Postgres recorded. */
export function findBossJobs(db: PrismaClient, queue: string): Promise<BossJobRow[]> {
  return db.$queryRaw<BossJobRow[]>`
    SELECT id::text AS id, state::text AS state, retry_count AS "retryCount",
           singleton_key AS "singletonKey", output
    FROM pgboss.job WHERE name = ${queue} ORDER BY created_on`;
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}
