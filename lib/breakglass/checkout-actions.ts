import type { PrismaClient } from "../db";
import { applyCheckoutEvent } from "./apply-checkout-event";
import type { StoredCheckout } from "./checkout-row";
import { checkoutActor, userAudit, type CheckoutUser, type RequestContext } from "./checkout-user";
import { claimEmergencyTotp, type EmergencyProof } from "./emergency-totp";

// The person-driven transitions: each is one machine event in one transaction with its audit entry.

export async function approveCheckout(
  db: PrismaClient,
  user: CheckoutUser,
  checkoutId: string,
  context: RequestContext = {},
): Promise<StoredCheckout> {
  const result = await db.$transaction((tx) =>
    applyCheckoutEvent(tx, checkoutId, { type: "approve", actor: checkoutActor(user), at: new Date() }, userAudit(user, context)),
  );
  return result.checkout;
}

export async function denyCheckout(
  db: PrismaClient,
  user: CheckoutUser,
  checkoutId: string,
  reason: string,
  context: RequestContext = {},
): Promise<StoredCheckout> {
  const result = await db.$transaction((tx) =>
    applyCheckoutEvent(tx, checkoutId, { type: "deny", actor: checkoutActor(user), at: new Date(), reason }, userAudit(user, context)),
  );
  return result.checkout;
}

export async function cancelCheckout(
  db: PrismaClient,
  user: CheckoutUser,
  checkoutId: string,
  context: RequestContext = {},
): Promise<StoredCheckout> {
  const result = await db.$transaction((tx) =>
    applyCheckoutEvent(tx, checkoutId, { type: "cancel", actor: checkoutActor(user), at: new Date() }, userAudit(user, context)),
  );
  return result.checkout;
}

/** Self-approval of the requester's own pending request, with a TOTP re-entry (the emergency path). */
export async function declareEmergency(
  db: PrismaClient,
  user: CheckoutUser,
  checkoutId: string,
  proof: EmergencyProof,
  context: RequestContext = {},
): Promise<StoredCheckout> {
  const totp = await claimEmergencyTotp(db, user, proof);
  const result = await db.$transaction((tx) =>
    applyCheckoutEvent(tx, checkoutId, { type: "emergency", actor: checkoutActor(user), at: new Date(), totp }, userAudit(user, context)),
  );
  return result.checkout;
}

/** The holder hands the credential back: the window closes and the rotation is due at once. */
export async function returnCheckout(
  db: PrismaClient,
  user: CheckoutUser,
  checkoutId: string,
  context: RequestContext = {},
): Promise<StoredCheckout> {
  const result = await db.$transaction((tx) =>
    applyCheckoutEvent(tx, checkoutId, { type: "return", actor: checkoutActor(user), at: new Date() }, userAudit(user, context)),
  );
  return result.checkout;
}

/** An approver signs off a rotated checkout after reading its window's CloudTrail activity (findCheckoutActivity). */
export async function reviewCheckout(
  db: PrismaClient,
  user: CheckoutUser,
  checkoutId: string,
  note: string,
  context: RequestContext = {},
): Promise<StoredCheckout> {
  const result = await db.$transaction((tx) =>
    applyCheckoutEvent(tx, checkoutId, { type: "review", actor: checkoutActor(user), at: new Date(), note }, userAudit(user, context)),
  );
  return result.checkout;
}
