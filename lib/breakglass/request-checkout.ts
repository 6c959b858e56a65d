import type { PrismaClient, TransactionClient } from "../db";
import { getCredential } from "../vault";
import { applyCheckoutEvent, describeHolder, writeCheckoutStep } from "./apply-checkout-event";
import { CheckoutRefusedError } from "./checkout-errors";
import { next } from "./checkout-machine";
import { toDbStatus, toStoredCheckout, type StoredCheckout } from "./checkout-row";
import { LIVE_STATUSES } from "./checkout-types";
import { checkoutActor, userAudit, type CheckoutUser, type RequestContext } from "./checkout-user";
import { claimEmergencyTotp, type EmergencyProof } from "./emergency-totp";

export type RequestCheckoutInput = {
  credentialId: string;
  reason: string;
  reference: string;
  durationMinutes: number;
  /** self-approval at once, with a TOTP re-entry (the emergency path) */
  emergency?: EmergencyProof;
};

const LIVE_DB_STATUSES = LIVE_STATUSES.map(toDbStatus);

function isLiveIndexViolation(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown; meta?: unknown } | null;
  const text = `${String(e?.message ?? "")} ${JSON.stringify(e?.meta ?? {})}`;
  return (e?.code === "P2002" || /23505|unique constraint/i.test(text)) && /Checkout_live_credentialId_key|credentialId/.test(text);
}

export async function findLiveCheckout(db: PrismaClient | TransactionClient, credentialId: string): Promise<StoredCheckout | null> {
  const row = await db.checkout.findFirst({ where: { credentialId, status: { in: LIVE_DB_STATUSES } } });
  return row ? toStoredCheckout(row) : null;
}

const heldBy = (live: StoredCheckout) =>
  new CheckoutRefusedError("CONFLICT", `this credential is already checked out: held by ${describeHolder(live)}`);

/**
 * Asks for a credential. At most one live checkout per credential (the partial unique index
 * Checkout_live_credentialId_key): of concurrent requests one wins and the others are refused
 * naming the holder. With `emergency`, the requester's TOTP re-entry self-approves it in the same
 * transaction (every approver is notified, a review becomes mandatory).
 */
export async function requestCheckout(
  db: PrismaClient,
  user: CheckoutUser,
  input: RequestCheckoutInput,
  context: RequestContext = {},
): Promise<StoredCheckout> {
  const credential = await getCredential(db, input.credentialId);
  const event = {
    type: "request",
    actor: checkoutActor(user),
    at: new Date(),
    credential: { id: credential.id, maxCheckoutMinutes: credential.maxCheckoutMinutes },
    reason: input.reason,
    reference: input.reference,
    durationMinutes: input.durationMinutes,
  } as const;
  const result = next(null, event);
  if (!result.ok) throw CheckoutRefusedError.from(result);
  const live = await findLiveCheckout(db, credential.id);
  if (live) throw heldBy(live);
  // A submitted code is spent even if the request then fails (as at sign-in): claimed outside the transaction.
  const totp = input.emergency ? await claimEmergencyTotp(db, user, input.emergency) : null;
  const audit = userAudit(user, context);
  try {
    return await db.$transaction(async (tx) => {
      const requested = await writeCheckoutStep(tx, {
        before: null,
        after: result.checkout,
        event,
        effects: result.effects,
        credential,
        audit,
      });
      if (!totp) return requested;
      const emergency = await applyCheckoutEvent(
        tx,
        requested.id,
        { type: "emergency", actor: checkoutActor(user), at: new Date(), totp },
        audit,
      );
      return emergency.checkout;
    });
  } catch (error) {
    if (!isLiveIndexViolation(error)) throw error;
    const holder = await findLiveCheckout(db, credential.id);
    throw holder ? heldBy(holder) : new CheckoutRefusedError("CONFLICT", "this credential was checked out at the same moment; try again");
  }
}
