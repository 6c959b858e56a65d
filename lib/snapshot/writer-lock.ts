import type { PrismaClient } from "../db";

/** pg advisory lock key of "the snapshot writer" (distinct from the migration lock). */
const WRITER_LOCK_KEY = "7236442101";
/** Longest a writer may hold the lock; far beyond any real run, below setTimeout's 2^31 ms ceiling. */
const MAX_HOLD_MS = 12 * 60 * 60 * 1000;

export interface WriterLock {
  /** false once the lock's connection or transaction is gone (then another writer could start) */
  isHeld(): boolean;
  release(): Promise<void>;
}

/**
 * Takes the snapshot-writer lock without waiting, or returns null when another writer holds it.
 * The lock is a transaction-scoped advisory lock held by an otherwise idle transaction on its own
 * pooled connection for as long as the run lasts: if the process dies, Postgres drops the
 * connection, which releases the lock, so a crashed writer never blocks the next one.
 * Needs the client itself (not a transaction): it opens its own transaction.
 */
export async function tryAcquireWriterLock(db: PrismaClient): Promise<WriterLock | null> {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let settle: (isLocked: boolean) => void = () => {};
  const acquired = new Promise<boolean>((resolve) => (settle = resolve));
  let isHeld = false;

  let failure: unknown = null;
  const holder = db
    .$transaction(
      async (tx) => {
        const rows = await tx.$queryRawUnsafe<Array<{ locked: boolean }>>(`SELECT pg_try_advisory_xact_lock(${WRITER_LOCK_KEY}) AS locked`);
        isHeld = rows[0]?.locked === true;
        settle(isHeld);
        if (isHeld) await released;
      },
      { maxWait: 30_000, timeout: MAX_HOLD_MS },
    )
    .catch((error: unknown) => {
      // Before the lock: a real failure to report. After it: the lock is gone; isHeld() tells the writer.
      if (!isHeld) failure = error;
    })
    .finally(() => {
      isHeld = false;
      settle(false);
    });

  const isLocked = await Promise.race([acquired, holder.then(() => false)]);
  if (!isLocked) {
    release();
    await holder;
    if (failure) throw failure;
    return null;
  }
  return {
    isHeld: () => isHeld,
    release: async () => {
      release();
      await holder;
    },
  };
}
