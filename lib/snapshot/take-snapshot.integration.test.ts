import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { createDb } from "../db";
import { toAppError } from "../errors";
import { useTestDatabase } from "../testing/use-test-database";
import { waitFor } from "../testing/wait-for";
import {
  ABANDONED_REASON,
  findEntities,
  getLatestReadableSnapshot,
  getSnapshotOrThrow,
  readSnapshotState,
  recoverAbandonedSnapshots,
  takeSnapshot,
  type SnapshotResult,
} from ".";
import { makeInventory, makeRole } from "./testing/make-inventory";
import { CRASH_TEST_ACCOUNTS } from "./testing/crash-test-inventory";
import { stateFingerprint } from "./testing/state-fingerprint";

const A = "222222222222";
const database = useTestDatabase();
const base = makeInventory({ accounts: CRASH_TEST_ACCOUNTS, users: ["alice", "bob"] });
const changed = () => {
  const inventory = structuredClone(base);
  inventory.iamByAccount[A]!.roles = [makeRole(A, "renamed"), ...inventory.iamByAccount[A]!.roles.slice(1)];
  inventory.identityCenter!.users.pop();
  return inventory;
};

describe("snapshot lifecycle", () => {
  it("never shows readers a half-written snapshot", async () => {
    // Given a first snapshot
    const first = await takeSnapshot(database.db, { source: "LIVE", collect: async () => structuredClone(base) });
    const expected = stateFingerprint(await readSnapshotState(database.db, first.id));
    // When a second run is stopped half-way (users and roles written, nothing after)
    let seenMidRun: { latest: number | undefined; roles: string[]; users: number; fingerprint: string[] } | undefined;
    const second = await takeSnapshot(database.db, {
      source: "LIVE",
      collect: async () => changed(),
      onProgress: async (event) => {
        if (event.phase !== "writing" || event.kind !== "IAM_ROLE") return;
        const latest = await getLatestReadableSnapshot(database.db);
        const roles = await findEntities(database.db, { snapshotId: latest!.id, kind: "IAM_ROLE", where: { accountId: A } });
        const users = await findEntities(database.db, { snapshotId: latest!.id, kind: "IDC_USER" });
        seenMidRun = {
          latest: latest?.id,
          roles: roles.rows.map((r) => r.naturalKey),
          users: users.total,
          fingerprint: stateFingerprint(await readSnapshotState(database.db, latest!.id)),
        };
      },
    });
    // Then readers kept seeing the first snapshot, and the second became visible only when finished
    expect(seenMidRun).toEqual({
      latest: first.id,
      roles: [`arn:aws:iam::${A}:role/app`, `arn:aws:iam::${A}:role/audit`, `arn:aws:iam::${A}:role/deploy`],
      users: 2,
      fingerprint: expected,
    });
    expect(second.status).toBe("COMPLETE");
    expect((await getLatestReadableSnapshot(database.db))?.id).toBe(second.id);
    await expect(findEntities(database.db, { snapshotId: second.id + 1, kind: "IAM_ROLE" })).rejects.toMatchObject({
      code: "SNAPSHOT_NOT_FOUND",
    });
  });

  it("rolls a run that fails while writing back to the previous state and marks it FAILED", async () => {
    const before = await takeSnapshot(database.db, { source: "LIVE", collect: async () => structuredClone(base) });
    const expected = stateFingerprint(await readSnapshotState(database.db, before.id));
    const failed = await takeSnapshot(database.db, {
      source: "LIVE",
      collect: async () => changed(),
      onProgress: (event) => {
        if (event.phase === "writing" && event.kind === "IAM_ROLE") throw new Error("disk full");
      },
    });
    expect(failed).toMatchObject({ status: "FAILED", failure: "disk full" });
    expect(await getSnapshotOrThrow(database.db, failed.id)).toMatchObject({
      status: "FAILED",
      failure: "disk full",
      leaseExpiresAt: null,
    });
    const next = await takeSnapshot(database.db, { source: "LIVE", collect: async () => structuredClone(base) });
    expect(next.counts?.totals.inserted).toBe(0);
    expect(stateFingerprint(await readSnapshotState(database.db, next.id))).toEqual(expected);
  });

  it("marks a run whose collection throws FAILED without touching the state", async () => {
    const result = await takeSnapshot(database.db, {
      source: "LIVE",
      collect: async () => {
        throw new Error("credentials expired");
      },
    });
    expect(result).toMatchObject({ status: "FAILED", failure: "credentials expired", counts: null });
  });

  it("refuses a second writer while one is running, and recovery leaves the live one alone", async () => {
    let release = () => {};
    const paused = new Promise<void>((resolve) => (release = resolve));
    let started = () => {};
    const isStarted = new Promise<void>((resolve) => (started = resolve));
    const running = takeSnapshot(database.db, {
      source: "LIVE",
      collect: async () => {
        started();
        await paused;
        return structuredClone(base);
      },
    });
    await isStarted;
    const refusal = await takeSnapshot(database.db, { source: "LIVE", collect: async () => base }).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: "SNAPSHOT_IN_PROGRESS" });
    // A route or action answers it as 409 Conflict, not 500.
    expect(toAppError(refusal).status).toBe(409);
    expect(await recoverAbandonedSnapshots(database.db)).toEqual([]);
    release();
    expect((await running).status).toBe("COMPLETE");
  });

  it("recovers a snapshot whose writer was SIGKILLed mid-write: nothing left RUNNING, state as before", async () => {
    // Given a complete snapshot of the base organization
    const before: SnapshotResult = await takeSnapshot(database.db, { source: "LIVE", collect: async () => structuredClone(base) });
    const expected = stateFingerprint(await readSnapshotState(database.db, before.id));
    // When a writer in another process is killed after writing part of a changed organization
    const killedId = await runAndKillChildWriter(database.url);
    const killed = await getSnapshotOrThrow(database.db, killedId);
    expect(killed.status).toBe("RUNNING");
    const written = await database.db.entityVersion.count({ where: { validFrom: killedId } });
    expect(written).toBeGreaterThan(0);
    // Then the next run rolls it back first, and the state is the one before the crash
    const next = await takeSnapshot(database.db, { source: "LIVE", collect: async () => structuredClone(base) });
    expect(await database.db.snapshot.count({ where: { status: "RUNNING" } })).toBe(0);
    expect(await getSnapshotOrThrow(database.db, killedId)).toMatchObject({ status: "FAILED", failure: ABANDONED_REASON });
    expect(await database.db.entityVersion.count({ where: { OR: [{ validFrom: killedId }, { validTo: killedId }] } })).toBe(0);
    expect(next.counts?.totals.inserted).toBe(0);
    expect(stateFingerprint(await readSnapshotState(database.db, next.id))).toEqual(expected);
  });

  it("recovers a killed writer's snapshot at worker start-up (recoverAbandonedSnapshots)", async () => {
    const killedId = await runAndKillChildWriter(database.url);
    expect(await recoverAbandonedSnapshots(database.db)).toEqual([killedId]);
    expect(await database.db.snapshot.count({ where: { status: "RUNNING" } })).toBe(0);
  });
});

/** Starts snapshot-then-hang.ts, waits until it has written part of a snapshot, SIGKILLs it. */
async function runAndKillChildWriter(databaseUrl: string): Promise<number> {
  // `node --import tsx` rather than `npx tsx`: one process, so SIGKILL hits the writer itself.
  const child = spawn(process.execPath, ["--import", "tsx", "lib/snapshot/testing/snapshot-then-hang.ts", databaseUrl], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const snapshotId = await new Promise<number>((resolve, reject) => {
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /PAUSED (\d+)/.exec(stdout);
      if (match) resolve(Number(match[1]));
    });
    child.on("exit", (code) => reject(new Error(`child exited (${code}) before pausing: ${stderr}`)));
  });
  const exited = new Promise((resolve) => child.on("exit", resolve));
  child.kill("SIGKILL");
  await exited;
  await untilNoAdvisoryLockIsHeld(databaseUrl);
  return snapshotId;
}

/**
 * The process is gone the moment it exits, but Postgres ends its backend (releasing the writer
 * lock) a few milliseconds later, when it reads the closed socket. A restarted worker would come
 * much later than that; the test waits for it explicitly instead of racing it.
 */
async function untilNoAdvisoryLockIsHeld(databaseUrl: string): Promise<void> {
  const db = createDb(databaseUrl, { maxConnections: 1 });
  try {
    await waitFor("the killed writer's lock to be released", async () => {
      const [row] = await db.$queryRawUnsafe<Array<{ held: number }>>(
        `SELECT count(*)::int AS held FROM pg_locks
          WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      );
      return row?.held === 0;
    });
  } finally {
    await db.$disconnect();
  }
}
