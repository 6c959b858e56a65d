import type { PrismaClient } from "../db";
import { applyCheckoutEvent } from "./apply-checkout-event";
import type { StoredCheckout } from "./checkout-row";
import type { CheckoutEvent } from "./checkout-types";
import { checkoutActor, userAudit, type CheckoutUser, type RequestContext } from "./checkout-user";
import { claimEmergencyTotp, type EmergencyProof } from "./emergency-totp";

// The person-driven transitions: each is one machine event in one transaction with its audit entry.

type PersonEvent = Extract<CheckoutEvent, { actor: unknown }>;
type PersonStep = PersonEvent extends infer E ? (E extends PersonEvent ? Omit<E, "actor" | "at"> : never) : never;

/** One step by a signed-in person, acting now, with the audit entry naming them. */
async function applyPersonStep(
  db: PrismaClient,
  user: CheckoutUser,
  checkoutId: string,
  step: PersonStep,
  context: RequestContext,
): Promise<StoredCheckout> {
  const event = { ...step, actor: checkoutActor(user), at: new Date() } as PersonEvent;
  const result = await db.$transaction((tx) => applyCheckoutEvent(tx, checkoutId, event, userAudit(user, context)));
  return result.checkout;
}

export function approveCheckout(db: PrismaClient, user: CheckoutUser, checkoutId: string, context: RequestContext = {}) {
  return applyPersonStep(db, user, checkoutId, { type: "approve" }, context);
}

export function denyCheckout(db: PrismaClient, user: CheckoutUser, checkoutId: string, reason: string, context: RequestContext = {}) {
  return applyPersonStep(db, user, checkoutId, { type: "deny", reason }, context);
}

export function cancelCheckout(db: PrismaClient, user: CheckoutUser, checkoutId: string, context: RequestContext = {}) {
  return applyPersonStep(db, user, checkoutId, { type: "cancel" }, context);
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
  return applyPersonStep(db, user, checkoutId, { type: "emergency", totp }, context);
}

/** The holder hands the credential back: the window closes and the rotation is due at once. */
export function returnCheckout(db: PrismaClient, user: CheckoutUser, checkoutId: string, context: RequestContext = {}) {
  return applyPersonStep(db, user, checkoutId, { type: "return" }, context);
}

/** An approver signs off a rotated checkout after reading its window's CloudTrail activity (findCheckoutActivity). */
export function reviewCheckout(db: PrismaClient, user: CheckoutUser, checkoutId: string, note: string, context: RequestContext = {}) {
  return applyPersonStep(db, user, checkoutId, { type: "review", note }, context);
}
