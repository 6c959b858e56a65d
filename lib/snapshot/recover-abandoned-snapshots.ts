import type { PrismaClient } from "../db";
import { rollbackSnapshot } from "./rollback-snapshot";
import { tryAcquireWriterLock } from "./writer-lock";

export const ABANDONED_REASON = "writer stopped before finishing";

/**
 * Rolls back snapshots left RUNNING by a writer that died (SIGKILL, OOM, host loss) and marks them
 * FAILED. Safe to call any time (worker start-up, before every run):
 * - when the writer lock is free, no writer is alive, so every RUNNING snapshot is abandoned;
 * - when it is taken, only snapshots whose lease has expired are (the live writer renews its own).
 * Returns the ids rolled back.
 */
export async function recoverAbandonedSnapshots(db: PrismaClient): Promise<number[]> {
  const lock = await tryAcquireWriterLock(db);
  try {
    return await rollbackRunningSnapshots(db, { isWriterAlive: lock === null });
  } finally {
    await lock?.release();
  }
}

/** For callers that already hold the writer lock (takeSnapshot): every RUNNING snapshot is abandoned. */
export async function rollbackRunningSnapshots(db: PrismaClient, opts: { isWriterAlive: boolean }): Promise<number[]> {
  const candidates = await db.$queryRawUnsafe<Array<{ id: number }>>(
    `SELECT id FROM "Snapshot"
      WHERE status = 'RUNNING' AND ($1::boolean = false OR "leaseExpiresAt" IS NULL OR "leaseExpiresAt" < now())
      ORDER BY id DESC`,
    opts.isWriterAlive,
  );
  const recovered: number[] = [];
  // Newest first: undoing a later run before an earlier one restores each one's view of the past.
  for (const { id } of candidates) {
    if (await rollbackSnapshot(db, id, ABANDONED_REASON)) recovered.push(id);
  }
  return recovered;
}
