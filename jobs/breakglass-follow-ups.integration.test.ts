import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  approveCheckout,
  requestCheckout,
  returnCheckout,
  revealCheckout,
  type CheckoutUser,
  type StoredCheckout,
} from "../lib/breakglass";
import { parseEnv, setRuntimeEnv } from "../lib/env";
import { childLogger } from "../lib/log";
import { deliverDueNotifications, notifySettingsFrom } from "../lib/notify";
import { startSimServer, type SimServer } from "../lib/sim";
import { returnedCheckout } from "../lib/breakglass/testing/returned-checkout";
import { TEST_NOW } from "../lib/sim/testing/sim-client-config";
import { useTestDatabase } from "../lib/testing/use-test-database";
import { registerCredential } from "../lib/vault";
import { useTestVaultKeyring } from "../lib/vault/testing";
import { afterCheckoutTransition } from "./breakglass-after-transition";
import { breakglassRotateJob } from "./breakglass-rotate";
import { breakglassSweepJob } from "./breakglass-sweep";
import { closeJobQueueClients } from "./enqueue-job";
import { sendNotificationJob } from "./send-notification";
import { findBossJobs } from "./testing/pgboss-jobs";

const database = useTestDatabase();
useTestVaultKeyring();
let sim: SimServer;
beforeAll(async () => {
  sim = await startSimServer({ scenario: "demo", port: 0, now: TEST_NOW });
  // The SDK's default credential chain reads these itself; the simulator takes any unknown key as its admin.
  process.env.AWS_ACCESS_KEY_ID = "AKIAVIGILFOLLOWUP001";
  process.env.AWS_SECRET_ACCESS_KEY = "follow-up-test-secret";
  setRuntimeEnv("AWS_REGION", "us-east-1");
  setRuntimeEnv("AWS_ENDPOINT_URL", sim.url);
});
afterAll(async () => {
  await closeJobQueueClients();
  await sim?.close();
});

const jobContext = (enqueue: (job: unknown, payload: unknown) => Promise<string | null>) => ({
  db: database.db,
  log: childLogger("test"),
  jobId: "test",
  retryCount: 0,
  signal: new AbortController().signal,
  enqueue,
});

const operator: CheckoutUser = { id: "u-op", displayName: "olga", role: "breakglass-operator", method: "LOCAL" };
const approver: CheckoutUser = { id: "u-ap", displayName: "ann", role: "approver", method: "LOCAL" };

/** Drains the outbox with no channel configured, so the next step's notifications are the only ones due. */
const drainOutbox = () => deliverDueNotifications(database.db, notifySettingsFrom(parseEnv({})));

async function approvedCheckout(): Promise<StoredCheckout> {
  const credential = await registerCredential(
    database.db,
    { accountId: "111122223333", iamUserName: `bg-${Math.random().toString(36).slice(2, 8)}`, password: "Follow-Up-Password-1!" },
    { actor: { type: "system", name: "test" } },
  );
  const checkout = await requestCheckout(database.db, operator, {
    credentialId: credential.id,
    reason: "outage",
    reference: "INC-7",
    durationMinutes: 30,
  });
  return approveCheckout(database.db, approver, checkout.id);
}

const after = (checkout: StoredCheckout) => afterCheckoutTransition(database.db, checkout, { databaseUrl: database.url });
const queued = async (queue: string) => (await findBossJobs(database.db, queue)).filter((job) => job.state === "created").length;
const clearQueues = () => database.db.$executeRaw`DELETE FROM pgboss.job WHERE name IN ('breakglass-rotate', 'send-notification')`;

describe("follow-ups right after a checkout transition", () => {
  beforeEach(async () => {
    await drainOutbox();
    await clearQueues().catch(() => 0);
  });

  it("an approval wakes the notification drain at once but starts no rotation", async () => {
    await drainOutbox();
    const checkout = await approvedCheckout();
    expect(await after(checkout)).toEqual(["send-notification"]);
    expect(await queued("send-notification")).toBe(1);
    expect(await queued("breakglass-rotate")).toBe(0);
  });

  it("a return queues its rotation at once; with nothing in the outbox no drain is woken", async () => {
    const checkout = await approvedCheckout();
    await revealCheckout(database.db, operator, checkout.id);
    await drainOutbox();
    const returned = await returnCheckout(database.db, operator, checkout.id);
    expect(await after(returned)).toEqual(["breakglass-rotate"]);
    expect(await queued("breakglass-rotate")).toBe(1);
    expect(await queued("send-notification")).toBe(0);
  });

  it("a pending rotation whose retry is not due yet queues nothing", async () => {
    const pending = { status: "rotation-pending", nextRotationAt: new Date(Date.now() + 60_000) } as const;
    expect(await after(pending as unknown as StoredCheckout)).toEqual([]);
    expect(await queued("breakglass-rotate")).toBe(0);
  });

  it("the sweep chains the rotation and the expiry notification when a countdown ran out, and nothing when there was nothing to do", async () => {
    // Near miss: nothing expired
    const idle = vi.fn(async () => "job");
    await breakglassSweepJob.handler({}, jobContext(idle));
    expect(idle).not.toHaveBeenCalled();
    // Given an active checkout whose countdown ended a minute ago
    const checkout = await approvedCheckout();
    await revealCheckout(database.db, operator, checkout.id);
    await drainOutbox();
    await database.db.checkout.update({ where: { id: checkout.id }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    // When the sweep runs
    const enqueue = vi.fn(async () => "job");
    expect(await breakglassSweepJob.handler({}, jobContext(enqueue))).toMatchObject({ expired: 1 });
    // Then the rotation and the notification drain are queued at once
    expect(enqueue).toHaveBeenCalledWith(breakglassRotateJob, {});
    expect(enqueue).toHaveBeenCalledWith(sendNotificationJob, {});
  });

  it("the rotate job wakes the notification drain after IAM refused a rotation, and not after a rotation that went through", async () => {
    const accountId = sim.state.accounts.find((a) => a.id !== sim.state.organization.managementAccountId && a.state === "ACTIVE")!.id;
    const returned = async () => {
      await returnedCheckout(database.db, sim, { accountId, operator, approver, userNamePrefix: "bg-rot" });
      await drainOutbox();
    };
    // (the earlier tests' checkouts, of accounts the simulator does not have, are not due)
    await database.db.checkout.updateMany({ data: { nextRotationAt: new Date(Date.now() + 3600_000) } });
    // Near miss: a rotation that succeeds queues no notification
    await returned();
    const quiet = vi.fn(async () => "job");
    expect(await breakglassRotateJob.handler({}, jobContext(quiet))).toMatchObject({ rotated: 1, pending: 0 });
    expect(quiet).not.toHaveBeenCalled();
    // Given IAM refusing everything in the account
    await returned();
    sim.admin.setFaults({ accessDeniedAccounts: [accountId] });
    try {
      const enqueue = vi.fn(async () => "job");
      expect(await breakglassRotateJob.handler({}, jobContext(enqueue))).toMatchObject({ rotated: 0, pending: 1 });
      // Then the rotation.failed notification is sent at once
      expect(enqueue).toHaveBeenCalledWith(sendNotificationJob, {});
    } finally {
      sim.admin.setFaults({});
    }
  });
});
