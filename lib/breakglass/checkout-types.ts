import type { RoleName } from "../auth";

/** Every state a checkout can be in; the terminal ones end with no further event. */
export const CHECKOUT_STATUSES = [
  "requested",
  "approved",
  "emergency",
  "active",
  "returned",
  "expired",
  "rotation-pending",
  "rotated",
  "reviewed",
  "denied",
  "cancelled",
  "request-expired",
] as const;
export type CheckoutStatus = (typeof CHECKOUT_STATUSES)[number];

/**
 * "Live": the credential is spoken for. From the request until the rotation, because until then
 * the secret a holder saw (or is about to see) still works in AWS: a second checkout would hand
 * the same secret to another person and make CloudTrail activity impossible to attribute. A
 * stale request is released by the scheduler's request expiry or by a denial; a pending
 * rotation keeps the credential locked, which is the loud outcome the issue asks for.
 */
export const LIVE_STATUSES = ["requested", "approved", "emergency", "active", "returned", "expired", "rotation-pending"] as const;

export function isLive(status: CheckoutStatus): boolean {
  return (LIVE_STATUSES as readonly CheckoutStatus[]).includes(status);
}

/** A signed-in Vigil user acting on a checkout. */
export type CheckoutActor = { id: string; name: string; role: RoleName };

/** One checkout as the pure state machine sees it (the persisted row maps onto it 1:1). */
export type Checkout = {
  status: CheckoutStatus;
  credentialId: string;
  requesterId: string;
  requesterName: string;
  reason: string;
  reference: string;
  durationMinutes: number;
  /** self-approved with a TOTP re-entry: every approver is told at once and a review is mandatory */
  isEmergency: boolean;
  isReviewRequired: boolean;
  requestedAt: Date;
  /** an unapproved request lapses then (request-expired) */
  requestExpiresAt: Date;
  approverId: string | null;
  approverName: string | null;
  approvedAt: Date | null;
  /** an approval never used by then lapses too (request-expired) */
  approvalExpiresAt: Date | null;
  /** the one reveal: the window opens and the countdown starts */
  revealedAt: Date | null;
  expiresAt: Date | null;
  /** returned by the holder or expired by the scheduler: the window closes */
  endedAt: Date | null;
  rotationAttempts: number;
  nextRotationAt: Date | null;
  /** the last refusal from IAM (code and message, never a secret) */
  rotationError: string | null;
  rotatedAt: Date | null;
  reviewerId: string | null;
  reviewerName: string | null;
  reviewedAt: Date | null;
  /** why it was denied or cancelled, or the reviewer's sign-off */
  note: string | null;
};

export type CheckoutEvent =
  | {
      type: "request";
      actor: CheckoutActor;
      at: Date;
      credential: { id: string; maxCheckoutMinutes: number };
      reason: string;
      reference: string;
      durationMinutes: number;
    }
  | { type: "approve"; actor: CheckoutActor; at: Date }
  /** `totp`: the outcome of the TOTP re-entry (lib/auth claimTotpCode), checked by the caller */
  | { type: "emergency"; actor: CheckoutActor; at: Date; totp: "claimed" | "replayed" | "no-match" }
  | { type: "deny"; actor: CheckoutActor; at: Date; reason: string }
  | { type: "cancel"; actor: CheckoutActor; at: Date }
  /** scheduler: a request not approved, or an approval not used, in time */
  | { type: "lapse"; at: Date }
  | { type: "reveal"; actor: CheckoutActor; at: Date }
  | { type: "return"; actor: CheckoutActor; at: Date }
  /** scheduler: the countdown ran out */
  | { type: "expire"; at: Date }
  | { type: "rotation-failed"; at: Date; error: string }
  | { type: "rotation-succeeded"; at: Date }
  | { type: "review"; actor: CheckoutActor; at: Date; note: string };

export type CheckoutEventType = CheckoutEvent["type"];

/** Who hears about a transition (lib/notify delivers it). */
export type NotificationAudience = "approvers" | "requester";

export type CheckoutEffect =
  | { type: "notify"; event: CheckoutNotification; audience: NotificationAudience }
  /** the credential must be rotated now (the rotation worker picks it up) */
  | { type: "rotate" };

/** lib/notify's kinds that checkout transitions raise. */
export type CheckoutNotification =
  "checkout.requested" | "checkout.approved" | "checkout.emergency" | "checkout.revealed" | "checkout.expired" | "rotation.failed";

export type CheckoutRefusalCode = "INVALID" | "FORBIDDEN" | "CONFLICT";
export type CheckoutRefusal = { ok: false; code: CheckoutRefusalCode; message: string };
export type CheckoutStep = { ok: true; checkout: Checkout; effects: CheckoutEffect[] };
