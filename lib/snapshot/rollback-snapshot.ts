import type { PrismaClient } from "../db";

const ROLLBACK_TIMEOUT_MS = 10 * 60 * 1000;

/**
 * Undoes one RUNNING snapshot's writes and marks it FAILED with `reason`, in one transaction:
 * versions it inserted (validFrom = id) are deleted, versions it closed (validTo = id) are reopened.
 * Deletes come first so a reopened version never meets its successor in the one-open-version index.
 * Returns false when the snapshot was no longer RUNNING (someone else finished or rolled it back).
 */
export async function rollbackSnapshot(db: PrismaClient, snapshotId: number, reason: string): Promise<boolean> {
  return db.$transaction(
    async (tx) => {
      const claimed = await tx.$queryRawUnsafe<Array<{ id: number }>>(
        `SELECT id FROM "Snapshot" WHERE id = $1 AND status = 'RUNNING' FOR UPDATE`,
        snapshotId,
      );
      if (claimed.length === 0) return false;
      await tx.$executeRawUnsafe(`DELETE FROM "EntityVersion" WHERE "validFrom" = $1`, snapshotId);
      await tx.$executeRawUnsafe(`UPDATE "EntityVersion" SET "validTo" = NULL WHERE "validTo" = $1`, snapshotId);
      await tx.$executeRawUnsafe(
        `UPDATE "Snapshot"
            SET status = 'FAILED', failure = $2, "finishedAt" = now(), "leaseExpiresAt" = NULL,
                "durationMs" = (extract(epoch FROM now() - "startedAt") * 1000)::int
          WHERE id = $1`,
        snapshotId,
        reason,
      );
      return true;
    },
    { maxWait: 30_000, timeout: ROLLBACK_TIMEOUT_MS },
  );
}
