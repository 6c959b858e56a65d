import type { Db } from "../db";

export const ABANDONED_INGEST_RUN = "ingest process stopped before finishing (its lease lapsed)";

/**
 * Marks FAILED every RUNNING ingest run whose lease has lapsed (its process was killed, ran out of
 * memory or lost its host). Live runs renew their lease and are left alone. Called before every
 * run; safe at any time. Returns the ids recovered.
 */
export async function recoverAbandonedIngestRuns(db: Db): Promise<number[]> {
  const rows = await db.$queryRawUnsafe<Array<{ id: number }>>(
    `UPDATE "CloudTrailIngestRun"
        SET status = 'FAILED', "finishedAt" = now(), "leaseExpiresAt" = NULL,
            errors = COALESCE(errors, '[]'::jsonb) || jsonb_build_array(jsonb_build_object('code', 'Abandoned', 'message', $1::text))
      WHERE status = 'RUNNING' AND ("leaseExpiresAt" IS NULL OR "leaseExpiresAt" < now())
      RETURNING id`,
    ABANDONED_INGEST_RUN,
  );
  return rows.map((row) => row.id).sort((a, b) => a - b);
}
