import { recordAudit, type AuditActor } from "../audit";
import type { Db, TransactionClient } from "../db";
import { enqueueNotification } from "../notify";
import { getCredential, type BreakglassCredentialSummary } from "../vault";
import { CheckoutRefusedError, checkoutNotFound } from "./checkout-errors";
import { next } from "./checkout-machine";
import { toRowData, toStoredCheckout, toDbStatus, type StoredCheckout } from "./checkout-row";
import type { Checkout, CheckoutEffect, CheckoutEvent, CheckoutEventType } from "./checkout-types";

/** Who asked, for the audit entry written with the transition. */
export type CheckoutAuditContext = { actor: AuditActor; requestId?: string | null; clientAddress?: string | null };

export type CheckoutTransitionResult = { checkout: StoredCheckout; credential: BreakglassCredentialSummary; effects: CheckoutEffect[] };

export const CHECKOUT_AUDIT_ACTION: Record<CheckoutEventType, string> = {
  request: "checkout.requested",
  approve: "checkout.approved",
  emergency: "checkout.emergency",
  deny: "checkout.denied",
  cancel: "checkout.cancelled",
  lapse: "checkout.request_expired",
  reveal: "checkout.revealed",
  return: "checkout.returned",
  expire: "checkout.expired",
  "rotation-failed": "checkout.rotation_failed",
  "rotation-succeeded": "checkout.rotated",
  review: "checkout.reviewed",
};

export const CHECKOUT_TARGET_TYPE = "checkout";

/** How a live checkout stops holding its credential, for whoever is refused because of it. */
function howToFree(checkout: Checkout): string | null {
  const who = checkout.requesterName;
  const at = (date: Date | null) => date?.toISOString() ?? "an unknown time";
  switch (checkout.status) {
    case "requested":
      return `an approver can deny it or ${who} cancel it; otherwise it lapses at ${at(checkout.requestExpiresAt)}`;
    case "approved":
    case "emergency":
      return `${who} can cancel it before the reveal; otherwise the unused approval lapses at ${at(checkout.approvalExpiresAt)}`;
    case "active":
      return `${who} can return it; otherwise it expires at ${at(checkout.expiresAt)}`;
    case "returned":
    case "expired":
      return "it is free once Vigil has rotated the credential, which is under way";
    case "rotation-pending":
      return `it is free once the rotation succeeds: IAM refused it (${checkout.rotationError ?? "unknown error"}), next attempt at ${at(checkout.nextRotationAt)}`;
    case "rotated":
    case "reviewed":
    case "denied":
    case "cancelled":
    case "request-expired":
      return null;
  }
}

/** Who holds or asked for a checkout, and how it is freed, for refusals that must name them. */
export function describeHolder(checkout: Checkout): string {
  const since = (checkout.revealedAt ?? checkout.approvedAt ?? checkout.requestedAt).toISOString();
  const free = howToFree(checkout);
  return `${checkout.requesterName} (checkout ${checkout.status} since ${since}, reference ${checkout.reference})${free ? `; ${free}` : ""}`;
}

/** Non-secret facts of a transition, for the audit entry and the transition row. */
function detailOf(before: Checkout | null, after: Checkout, event: CheckoutEvent, extra: Record<string, unknown>) {
  return {
    credentialId: after.credentialId,
    from: before?.status ?? null,
    to: after.status,
    ...(event.type === "request" ? { reason: after.reason, reference: after.reference, durationMinutes: after.durationMinutes } : {}),
    ...(event.type === "deny" || event.type === "review" ? { note: after.note } : {}),
    ...(event.type === "reveal" ? { expiresAt: after.expiresAt } : {}),
    ...(event.type === "rotation-failed"
      ? { rotationError: after.rotationError, attempts: after.rotationAttempts, nextRotationAt: after.nextRotationAt }
      : {}),
    ...(after.isEmergency ? { emergency: true } : {}),
    ...extra,
  };
}

/**
 * Writes the outcome of one machine step in `tx`: the row (for an existing checkout only if its
 * version is still the one read — optimistic concurrency), its transition, the notifications its
 * effects ask for, and — last, as lib/audit wants — the audit entry.
 */
export async function writeCheckoutStep(
  tx: TransactionClient,
  input: {
    before: StoredCheckout | null;
    after: Checkout;
    event: CheckoutEvent;
    effects: CheckoutEffect[];
    credential: BreakglassCredentialSummary;
    audit: CheckoutAuditContext;
    detail?: Record<string, unknown>;
  },
): Promise<StoredCheckout> {
  const { before, after, event, credential, audit } = input;
  let stored: StoredCheckout;
  if (before === null) {
    stored = toStoredCheckout(await tx.checkout.create({ data: toRowData(after) }));
  } else {
    const updated = await tx.checkout.updateMany({
      where: { id: before.id, version: before.version },
      data: { ...toRowData(after), version: { increment: 1 } },
    });
    if (updated.count === 0) throw await concurrentChange(tx, before.id, event);
    stored = { ...after, id: before.id, version: before.version + 1 };
  }
  const detail = detailOf(before, after, event, input.detail ?? {});
  const actorName =
    audit.actor.type === "user"
      ? audit.actor.name
      : audit.actor.type === "cli"
        ? `cli:${audit.actor.osUser}`
        : `system${audit.actor.type === "system" && audit.actor.name ? `:${audit.actor.name}` : ""}`;
  await tx.checkoutTransition.create({
    data: {
      checkoutId: stored.id,
      event: event.type,
      fromStatus: before ? toDbStatus(before.status) : null,
      toStatus: toDbStatus(after.status),
      actorId: audit.actor.type === "user" ? audit.actor.id : null,
      actorName,
      at: event.at,
      detail: JSON.parse(JSON.stringify(detail)) as object,
    },
  });
  for (const effect of input.effects) {
    if (effect.type !== "notify") continue;
    await enqueueNotification(tx, {
      kind: effect.event,
      audience: effect.audience,
      occurredAt: event.at,
      credential: { id: credential.id, accountId: credential.accountId, iamUserName: credential.iamUserName },
      checkout: {
        id: stored.id,
        requesterId: after.requesterId,
        reason: after.reason,
        reference: after.reference,
        durationMinutes: after.durationMinutes,
        ...(after.expiresAt ? { expiresAt: after.expiresAt } : {}),
      },
      actor: actorName,
      ...(after.rotationError && effect.event === "rotation.failed" ? { facts: { error: after.rotationError } } : {}),
    });
  }
  await recordAudit(tx, {
    actor: audit.actor,
    action: CHECKOUT_AUDIT_ACTION[event.type],
    target: { type: CHECKOUT_TARGET_TYPE, id: stored.id, label: `${credential.iamUserName} in ${credential.accountId}` },
    detail,
    requestId: audit.requestId,
    clientAddress: audit.clientAddress,
  });
  return stored;
}

async function concurrentChange(tx: TransactionClient, id: string, event: CheckoutEvent): Promise<CheckoutRefusedError> {
  const fresh = await tx.checkout.findUnique({ where: { id } });
  if (!fresh) return checkoutNotFound(id);
  const checkout = toStoredCheckout(fresh);
  const verdict = next(checkout, event);
  const why = verdict.ok ? `it changed meanwhile, try again` : verdict.message;
  return new CheckoutRefusedError("CONFLICT", `${why}; held by ${describeHolder(checkout)}`);
}

export async function loadCheckout(tx: Db, id: string): Promise<StoredCheckout> {
  const row = await tx.checkout.findUnique({ where: { id } });
  if (!row) throw checkoutNotFound(id);
  return toStoredCheckout(row);
}

/**
 * One event on an existing checkout, inside `tx`: load, run the machine, refuse with its message
 * or write the step. `withStep` runs after the machine accepted and before anything is written
 * (the reveal reads the secret there, the rotation stores the new one), inside the same transaction.
 */
export async function applyCheckoutEvent<T = undefined>(
  tx: TransactionClient,
  id: string,
  event: CheckoutEvent,
  audit: CheckoutAuditContext,
  withStep?: (step: {
    before: StoredCheckout;
    after: Checkout;
    credential: BreakglassCredentialSummary;
  }) => Promise<{ value: T; detail?: Record<string, unknown> }>,
): Promise<CheckoutTransitionResult & { value: T | undefined }> {
  const before = await loadCheckout(tx, id);
  const result = next(before, event);
  if (!result.ok) throw CheckoutRefusedError.from(result);
  const credential = await getCredential(tx, before.credentialId);
  const extra = withStep ? await withStep({ before, after: result.checkout, credential }) : undefined;
  const checkout = await writeCheckoutStep(tx, {
    before,
    after: result.checkout,
    event,
    effects: result.effects,
    credential,
    audit,
    detail: extra?.detail,
  });
  return { checkout, credential, effects: result.effects, value: extra?.value };
}
