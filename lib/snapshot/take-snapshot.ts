import type { CollectionError, OrgInventory } from "../aws";
import type { PrismaClient } from "../db";
import { snapshotInProgress } from "./snapshot-errors";
import { rollbackRunningSnapshots } from "./recover-abandoned-snapshots";
import { rollbackSnapshot } from "./rollback-snapshot";
import { DEFAULT_LEASE_MS, startLease } from "./snapshot-lease";
import { decideSnapshotOutcome, type FinishedStatus } from "./snapshot-outcome";
import { writeInventory, type WriteCounts } from "./write-inventory";
import { tryAcquireWriterLock } from "./writer-lock";
import type { EntityKind } from "./entity-kinds";

/** Same shape as the collector's progress callback, so `collectOrganization` plugs in directly. */
export type CollectProgress = (done: number, total: number, label: string) => void;

export type SnapshotProgress =
  | { phase: "started"; snapshotId: number }
  | { phase: "collecting"; snapshotId: number; done: number; total: number; label: string }
  | { phase: "writing"; snapshotId: number; kind: EntityKind; done: number; total: number }
  | { phase: "finished"; snapshotId: number; status: FinishedStatus };

export interface TakeSnapshotOptions {
  collect: (onProgress: CollectProgress) => Promise<OrgInventory>;
  source: "LIVE" | "IMPORT";
  /** time the data describes; the start of the run when absent */
  asOf?: Date;
  /** awaited between kinds while writing */
  onProgress?: (event: SnapshotProgress) => void | Promise<void>;
  leaseMs?: number;
  /** once aborted, the run stops at the next step and ends FAILED with the abort reason */
  signal?: AbortSignal;
}

export interface SnapshotResult {
  id: number;
  status: FinishedStatus;
  failure: string | null;
  durationMs: number;
  counts: WriteCounts | null;
  errors: CollectionError[];
}

/**
 * Takes one snapshot: RUNNING row with a lease → collect → write only what changed → COMPLETE or
 * PARTIAL with counts, coverage and API-call stats. Any failure rolls this run's writes back and
 * marks it FAILED (returned, not thrown). Throws SNAPSHOT_IN_PROGRESS when another writer is running.
 * Readers keep reading the previous COMPLETE/PARTIAL snapshot until the final status is written.
 * Takes the client, not a transaction, and holds one of its pooled connections for the writer lock
 * for the whole run, so the pool needs at least two connections.
 */
export async function takeSnapshot(db: PrismaClient, options: TakeSnapshotOptions): Promise<SnapshotResult> {
  const lock = await tryAcquireWriterLock(db);
  if (!lock) throw snapshotInProgress();
  try {
    // We hold the writer lock, so any RUNNING snapshot belongs to a writer that is gone.
    await rollbackRunningSnapshots(db, { isWriterAlive: false });
    return await runSnapshot(db, options, lock.isHeld);
  } finally {
    await lock.release();
  }
}

async function runSnapshot(db: PrismaClient, options: TakeSnapshotOptions, isLockHeld: () => boolean): Promise<SnapshotResult> {
  const startedAt = Date.now();
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const snapshot = await db.snapshot.create({
    data: { source: options.source, asOf: options.asOf ?? new Date(startedAt), leaseExpiresAt: new Date(startedAt + leaseMs) },
  });
  const snapshotId = snapshot.id;
  const progress = async (event: SnapshotProgress) => options.onProgress?.(event);
  const lease = startLease(db, snapshotId, leaseMs, isLockHeld);
  let errors: CollectionError[] = [];
  try {
    await progress({ phase: "started", snapshotId });
    const inventory = await options.collect((done, total, label) => {
      // Collector callbacks are synchronous: a failing progress display must not become an unhandled rejection.
      progress({ phase: "collecting", snapshotId, done, total, label }).catch(() => {});
    });
    errors = inventory.errors;
    // Collectors record aborted calls as errors; the run itself must not go on to write them.
    options.signal?.throwIfAborted();
    lease.assertHeld();
    const outcome = decideSnapshotOutcome(inventory);
    if (outcome.status === "FAILED") {
      await rollbackSnapshot(db, snapshotId, outcome.failure ?? "collection failed");
      await recordErrors(db, snapshotId, errors);
      await progress({ phase: "finished", snapshotId, status: "FAILED" });
      return { id: snapshotId, status: "FAILED", failure: outcome.failure, durationMs: Date.now() - startedAt, counts: null, errors };
    }
    const collectedAt = Date.now();
    const counts = await writeInventory(db, snapshotId, inventory, {
      onKindWritten: async ({ kind, done, total }) => {
        options.signal?.throwIfAborted();
        lease.assertHeld();
        await progress({ phase: "writing", snapshotId, kind, done, total });
      },
    });
    lease.assertHeld();
    const durationMs = Date.now() - startedAt;
    const stats = {
      ...inventory.stats,
      collectMs: collectedAt - startedAt,
      writeMs: Date.now() - collectedAt,
      credentialReportsGeneratedAt: reportTimes(inventory),
    };
    await finish(db, snapshotId, { status: outcome.status, durationMs, counts, coverage: inventory.coverage, stats, errors });
    lease.stop();
    await progress({ phase: "finished", snapshotId, status: outcome.status });
    return { id: snapshotId, status: outcome.status, failure: null, durationMs, counts, errors };
  } catch (error) {
    lease.stop();
    // An aborted run fails for the reason it was aborted, not for the SDK's generic "Request aborted".
    const cause = options.signal?.aborted ? options.signal.reason : error;
    const failure = cause instanceof Error ? cause.message : String(cause);
    // If even the rollback fails (database gone), the lease lapses and the next run recovers it.
    await rollbackSnapshot(db, snapshotId, failure).catch(() => false);
    await recordErrors(db, snapshotId, errors).catch(() => {});
    await progress({ phase: "finished", snapshotId, status: "FAILED" }).catch(() => {});
    return { id: snapshotId, status: "FAILED", failure, durationMs: Date.now() - startedAt, counts: null, errors };
  } finally {
    lease.stop();
  }
}

interface Finish {
  status: "COMPLETE" | "PARTIAL";
  durationMs: number;
  counts: WriteCounts;
  coverage: OrgInventory["coverage"];
  stats: object;
  errors: CollectionError[];
}

/** The status flip that makes the snapshot readable, with its error rows, in one transaction. */
async function finish(db: PrismaClient, snapshotId: number, result: Finish): Promise<void> {
  await db.$transaction(async (tx) => {
    const updated = await tx.snapshot.updateMany({
      where: { id: snapshotId, status: "RUNNING" },
      data: {
        status: result.status,
        finishedAt: new Date(),
        durationMs: result.durationMs,
        counts: toJson(result.counts),
        coverage: toJson(result.coverage),
        stats: toJson(result.stats),
        leaseExpiresAt: null,
      },
    });
    if (updated.count !== 1) throw new Error(`snapshot ${snapshotId} was rolled back by another process before it finished`);
    await recordErrors(tx, snapshotId, result.errors);
  });
}

async function recordErrors(db: Pick<PrismaClient, "snapshotError">, snapshotId: number, errors: CollectionError[]): Promise<void> {
  if (errors.length === 0) return;
  await db.snapshotError.createMany({
    data: errors.map((e) => ({
      snapshotId,
      accountId: e.accountId ?? null,
      service: e.service,
      operation: e.operation,
      code: e.code,
      message: e.message,
    })),
  });
}

function reportTimes(inventory: OrgInventory): Record<string, string | null> {
  return Object.fromEntries(Object.entries(inventory.iamByAccount).map(([id, iam]) => [id, iam.credentialReport?.generatedAt ?? null]));
}

/** Prisma's Json input type rejects interfaces without an index signature; the values are plain JSON. */
function toJson(value: object): NonNullable<Parameters<PrismaClient["snapshot"]["create"]>[0]["data"]["counts"]> {
  return JSON.parse(JSON.stringify(value));
}
