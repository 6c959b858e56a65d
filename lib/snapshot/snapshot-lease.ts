import type { Db } from "../db";

export const DEFAULT_LEASE_MS = 60_000;

export class LeaseLostError extends Error {
  constructor(snapshotId: number) {
    super(`snapshot ${snapshotId} lost its writer lease (another process recovered it); stopping`);
    this.name = "LeaseLostError";
  }
}

export interface SnapshotLease {
  /** throws LeaseLostError once the lease could not be renewed (or the lock was lost) */
  assertHeld(): void;
  renew(): Promise<void>;
  stop(): void;
}

/** Sets or extends a RUNNING snapshot's lease, in database time so writers' clocks never matter. */
export async function extendLease(db: Db, snapshotId: number, leaseMs: number): Promise<boolean> {
  const updated = await db.$executeRawUnsafe(
    `UPDATE "Snapshot" SET "leaseExpiresAt" = now() + ($2 * interval '1 millisecond')
      WHERE id = $1 AND status = 'RUNNING'`,
    snapshotId,
    leaseMs,
  );
  return updated === 1;
}

/**
 * Renews the lease every third of its length while the run lasts. A renewal that finds the snapshot
 * no longer RUNNING means a recovery rolled it back: the writer must stop rather than write on.
 */
export function startLease(db: Db, snapshotId: number, leaseMs: number, isLockHeld: () => boolean): SnapshotLease {
  let isLost = false;
  const renew = async () => {
    if (isLost) return;
    const isExtended = await extendLease(db, snapshotId, leaseMs).catch(() => true);
    if (!isExtended || !isLockHeld()) isLost = true;
  };
  const timer = setInterval(() => void renew(), Math.max(250, Math.floor(leaseMs / 3)));
  timer.unref();
  return {
    assertHeld() {
      if (isLost || !isLockHeld()) throw new LeaseLostError(snapshotId);
    },
    renew,
    stop: () => clearInterval(timer),
  };
}
