/**
 * The break-glass flow as the web app and the worker run it, in one process whose every log line
 * (LOG_LEVEL=trace, stdout/stderr) breakglass-flow.integration.test.ts captures: a worker with the
 * real jobs and NO schedules (so rotation and notifications happen only because the follow-ups
 * start them at once), then request → approve → reveal → return → rotation → review. Results go
 * back over IPC, never through a log. Usage: breakglass-flow-child <credentialId>.
 */
import {
  approveCheckout,
  findCheckoutActivity,
  requestCheckout,
  returnCheckout,
  revealCheckout,
  reviewCheckout,
} from "../../lib/breakglass";
import type { CheckoutUser, StoredCheckout } from "../../lib/breakglass";
import { createDb } from "../../lib/db";
import { env } from "../../lib/env";
import { waitFor } from "../../lib/testing/wait-for";
import { afterCheckoutTransition } from "../breakglass-after-transition";
import { closeJobQueueClients } from "../enqueue-job";
import { startWorker } from "../worker";

const credentialId = process.argv[2];
const databaseUrl = env().DATABASE_URL;
if (!credentialId || !databaseUrl) throw new Error("usage: breakglass-flow-child <credentialId> (with DATABASE_URL)");

const operator: CheckoutUser = { id: "u-flow-op", displayName: "olga", role: "breakglass-operator", method: "LOCAL" };
const approver: CheckoutUser = { id: "u-flow-ap", displayName: "ann", role: "approver", method: "LOCAL" };

const db = createDb(databaseUrl, { maxConnections: 4 });
const worker = await startWorker({ databaseUrl, schedules: [], pollingIntervalSeconds: 0.5, stopTimeoutMs: 5_000 });
const after = (checkout: StoredCheckout) => afterCheckoutTransition(db, checkout, { databaseUrl });
try {
  const requested = await requestCheckout(db, operator, {
    credentialId,
    reason: "prod down, IdP down",
    reference: "INC-4242",
    durationMinutes: 30,
  });
  await after(requested);
  await after(await approveCheckout(db, approver, requested.id));
  const revealed = await revealCheckout(db, operator, requested.id);
  process.send?.({ type: "revealed", secrets: revealed.secrets });
  await after(revealed.checkout);
  const returned = await returnCheckout(db, operator, requested.id);
  const returnedAt = Date.now();
  const followUps = await after(returned);
  const rotated = await waitFor(
    "the returned checkout to be rotated",
    async () => {
      const row = await db.checkout.findUniqueOrThrow({ where: { id: requested.id } });
      return row.status === "ROTATED" && row;
    },
    { timeoutMs: 60_000, intervalMs: 200 },
  );
  const rotationMs = Date.now() - returnedAt;
  await waitFor(
    "every notification to be sent",
    async () => (await db.notificationDelivery.count({ where: { status: "PENDING" } })) === 0,
    {
      timeoutMs: 60_000,
      intervalMs: 200,
    },
  );
  const activity = await findCheckoutActivity(db, requested.id);
  const reviewed = await reviewCheckout(db, approver, requested.id, `window reviewed: ${activity.events.length} events`);
  process.send?.({
    type: "done",
    checkoutId: requested.id,
    followUps,
    rotationMs,
    rotatedStatus: rotated.status,
    reviewed: reviewed.status,
  });
} catch (error) {
  process.send?.({ type: "failed", message: error instanceof Error ? error.message : String(error) });
} finally {
  await worker.stop();
  await closeJobQueueClients();
  await db.$disconnect();
  // The IPC channel would keep this process alive.
  process.disconnect?.();
}
