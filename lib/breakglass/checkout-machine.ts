import { hasPermission } from "../auth";
import type {
  Checkout,
  CheckoutActor,
  CheckoutEffect,
  CheckoutEvent,
  CheckoutRefusal,
  CheckoutRefusalCode,
  CheckoutStep,
} from "./checkout-types";

/** An unapproved request lapses after this long; so does an approval nobody used. */
export const REQUEST_TTL_MINUTES = 60;
export const APPROVAL_TTL_MINUTES = 60;
export const MAX_REASON_CHARS = 2000;
export const MAX_REFERENCE_CHARS = 200;
/** Rotation retries back off 1, 2, 4 … minutes, never more than this apart. */
export const MAX_ROTATION_BACKOFF_MINUTES = 60;

const MINUTE_MS = 60_000;

function refuse(code: CheckoutRefusalCode, message: string): CheckoutRefusal {
  return { ok: false, code, message };
}

function step(checkout: Checkout, effects: CheckoutEffect[] = []): CheckoutStep {
  return { ok: true, checkout, effects };
}

const plus = (at: Date, minutes: number) => new Date(at.getTime() + minutes * MINUTE_MS);
const iso = (at: Date | null) => at?.toISOString() ?? "unknown";

/** When the rotation is tried again after its `attempts`-th failure. */
export function rotationRetryAt(at: Date, attempts: number): Date {
  return plus(at, Math.min(MAX_ROTATION_BACKOFF_MINUTES, 2 ** Math.max(0, attempts - 1)));
}

function request(event: Extract<CheckoutEvent, { type: "request" }>): CheckoutStep | CheckoutRefusal {
  const { actor, at, credential } = event;
  if (!hasPermission(actor, "checkout:request"))
    return refuse("FORBIDDEN", `${actor.name} (${actor.role}) may not request a checkout: a breakglass-operator does`);
  const reason = event.reason.trim();
  const reference = event.reference.trim();
  if (!reason) return refuse("INVALID", "a checkout needs a reason");
  if (reason.length > MAX_REASON_CHARS) return refuse("INVALID", `the reason is longer than ${MAX_REASON_CHARS} characters`);
  if (!reference) return refuse("INVALID", "a checkout needs an incident or ticket reference");
  if (reference.length > MAX_REFERENCE_CHARS)
    return refuse("INVALID", `the incident/ticket reference is longer than ${MAX_REFERENCE_CHARS} characters`);
  if (!Number.isInteger(event.durationMinutes) || event.durationMinutes < 1)
    return refuse("INVALID", "the duration must be a whole number of minutes, at least 1");
  if (event.durationMinutes > credential.maxCheckoutMinutes)
    return refuse(
      "INVALID",
      `the duration ${event.durationMinutes} min is over this credential's maximum of ${credential.maxCheckoutMinutes} min`,
    );
  return step(
    {
      status: "requested",
      credentialId: credential.id,
      requesterId: actor.id,
      requesterName: actor.name,
      reason,
      reference,
      durationMinutes: event.durationMinutes,
      isEmergency: false,
      isReviewRequired: false,
      requestedAt: at,
      requestExpiresAt: plus(at, REQUEST_TTL_MINUTES),
      approverId: null,
      approverName: null,
      approvedAt: null,
      approvalExpiresAt: null,
      revealedAt: null,
      expiresAt: null,
      endedAt: null,
      rotationAttempts: 0,
      nextRotationAt: null,
      rotationError: null,
      rotatedAt: null,
      reviewerId: null,
      reviewerName: null,
      reviewedAt: null,
      note: null,
    },
    [{ type: "notify", event: "checkout.requested", audience: "approvers" }],
  );
}

const isHolder = (checkout: Checkout, actor: CheckoutActor) => checkout.requesterId === actor.id;

function wrongState(checkout: Checkout, what: string): CheckoutRefusal {
  return refuse("CONFLICT", `cannot ${what}: the checkout is ${checkout.status}`);
}

/**
 * The checkout state machine: what `event` does to `checkout` (null before the request), or why
 * it is refused. Pure: times come in the events, effects go out as data for the wrapper to run.
 */
export function next(checkout: Checkout | null, event: CheckoutEvent): CheckoutStep | CheckoutRefusal {
  if (checkout === null)
    return event.type === "request" ? request(event) : refuse("CONFLICT", `cannot ${event.type} a checkout that was never requested`);
  const c = checkout;
  switch (event.type) {
    case "request":
      return refuse("CONFLICT", "this checkout was already requested");

    case "approve":
    case "deny": {
      const verb = event.type;
      if (c.status !== "requested") return wrongState(c, verb);
      if (!hasPermission(event.actor, "checkout:approve"))
        return refuse("FORBIDDEN", `${event.actor.name} (${event.actor.role}) may not ${verb} checkouts: an approver does`);
      if (isHolder(c, event.actor))
        return refuse(
          "FORBIDDEN",
          `${event.actor.name} requested this checkout and cannot ${verb} it: a different approver must (two-person rule)`,
        );
      if (verb === "deny") {
        const reason = event.reason.trim();
        if (!reason) return refuse("INVALID", "a denial needs a reason");
        return step({
          ...c,
          status: "denied",
          approverId: event.actor.id,
          approverName: event.actor.name,
          note: reason.slice(0, MAX_REASON_CHARS),
        });
      }
      if (event.at >= c.requestExpiresAt) return refuse("CONFLICT", `the request lapsed at ${iso(c.requestExpiresAt)} without approval`);
      return step(
        {
          ...c,
          status: "approved",
          approverId: event.actor.id,
          approverName: event.actor.name,
          approvedAt: event.at,
          approvalExpiresAt: plus(event.at, APPROVAL_TTL_MINUTES),
        },
        [{ type: "notify", event: "checkout.approved", audience: "requester" }],
      );
    }

    case "emergency":
      if (c.status !== "requested") return wrongState(c, "self-approve in an emergency");
      if (!isHolder(c, event.actor))
        return refuse("FORBIDDEN", `only ${c.requesterName}, who requested it, can self-approve this checkout in an emergency`);
      if (!hasPermission(event.actor, "checkout:request"))
        return refuse("FORBIDDEN", `${event.actor.name} (${event.actor.role}) may not self-approve: a breakglass-operator does`);
      if (event.totp === "replayed") return refuse("FORBIDDEN", "that TOTP code was already used: wait for the next one");
      if (event.totp !== "claimed") return refuse("FORBIDDEN", "the TOTP code is wrong: emergency self-approval needs a valid code");
      if (event.at >= c.requestExpiresAt) return refuse("CONFLICT", `the request lapsed at ${iso(c.requestExpiresAt)}`);
      return step(
        {
          ...c,
          status: "emergency",
          isEmergency: true,
          isReviewRequired: true,
          approverId: event.actor.id,
          approverName: event.actor.name,
          approvedAt: event.at,
          approvalExpiresAt: plus(event.at, APPROVAL_TTL_MINUTES),
        },
        [{ type: "notify", event: "checkout.emergency", audience: "approvers" }],
      );

    case "cancel":
      if (c.status !== "requested" && c.status !== "approved" && c.status !== "emergency") return wrongState(c, "cancel");
      if (!isHolder(c, event.actor)) return refuse("FORBIDDEN", `only ${c.requesterName}, who requested it, can cancel this checkout`);
      return step({ ...c, status: "cancelled" });

    case "lapse":
      if (c.status === "requested" && event.at >= c.requestExpiresAt)
        return step({ ...c, status: "request-expired", note: "not approved in time" });
      if ((c.status === "approved" || c.status === "emergency") && c.approvalExpiresAt && event.at >= c.approvalExpiresAt)
        return step({ ...c, status: "request-expired", note: "approved but never revealed in time" });
      if (c.status === "requested" || c.status === "approved" || c.status === "emergency")
        return refuse("CONFLICT", "the request has not lapsed yet");
      return wrongState(c, "lapse");

    case "reveal":
      if (c.status === "active")
        return refuse("CONFLICT", `the secret was already revealed at ${iso(c.revealedAt)}: a checkout reveals it once`);
      if (c.status !== "approved" && c.status !== "emergency") return wrongState(c, "reveal");
      if (!isHolder(c, event.actor)) return refuse("FORBIDDEN", `only ${c.requesterName}, who holds this checkout, can reveal its secret`);
      if (c.approvalExpiresAt && event.at >= c.approvalExpiresAt)
        return refuse("CONFLICT", `the approval lapsed at ${iso(c.approvalExpiresAt)}`);
      return step({ ...c, status: "active", revealedAt: event.at, expiresAt: plus(event.at, c.durationMinutes) }, [
        { type: "notify", event: "checkout.revealed", audience: "approvers" },
      ]);

    case "return":
      if (c.status !== "active") return wrongState(c, "return");
      if (!isHolder(c, event.actor)) return refuse("FORBIDDEN", `only ${c.requesterName}, who holds this checkout, can return it`);
      return step({ ...c, status: "returned", endedAt: event.at, nextRotationAt: event.at }, [{ type: "rotate" }]);

    case "expire":
      if (c.status !== "active") return wrongState(c, "expire");
      if (!c.expiresAt || event.at < c.expiresAt) return refuse("CONFLICT", `the checkout runs until ${iso(c.expiresAt)}`);
      // The window closes when the countdown ran out, not when the scheduler noticed.
      return step({ ...c, status: "expired", endedAt: c.expiresAt, nextRotationAt: event.at }, [
        { type: "rotate" },
        { type: "notify", event: "checkout.expired", audience: "approvers" },
      ]);

    case "rotation-failed": {
      if (c.status !== "returned" && c.status !== "expired" && c.status !== "rotation-pending")
        return wrongState(c, "record a rotation failure");
      const attempts = c.rotationAttempts + 1;
      const effects: CheckoutEffect[] =
        c.status === "rotation-pending" ? [] : [{ type: "notify", event: "rotation.failed", audience: "approvers" }];
      return step(
        {
          ...c,
          status: "rotation-pending",
          rotationAttempts: attempts,
          rotationError: event.error.slice(0, 1000),
          nextRotationAt: rotationRetryAt(event.at, attempts),
        },
        effects,
      );
    }

    case "rotation-succeeded":
      if (c.status !== "returned" && c.status !== "expired" && c.status !== "rotation-pending") return wrongState(c, "record a rotation");
      return step({
        ...c,
        status: "rotated",
        rotationAttempts: c.rotationAttempts + 1,
        rotatedAt: event.at,
        nextRotationAt: null,
        rotationError: null,
      });

    case "review": {
      if (c.status !== "rotated")
        return c.status === "reviewed" ? refuse("CONFLICT", `already reviewed by ${c.reviewerName}`) : wrongState(c, "review");
      if (!hasPermission(event.actor, "checkout:approve"))
        return refuse("FORBIDDEN", `${event.actor.name} (${event.actor.role}) may not review checkouts: an approver does`);
      if (isHolder(c, event.actor))
        return refuse("FORBIDDEN", `${event.actor.name} held this checkout and cannot review it: a different approver must`);
      const note = event.note.trim();
      if (!note) return refuse("INVALID", "a review needs a note on what the window's activity showed");
      return step({
        ...c,
        status: "reviewed",
        reviewerId: event.actor.id,
        reviewerName: event.actor.name,
        reviewedAt: event.at,
        note: note.slice(0, MAX_REASON_CHARS),
      });
    }
  }
}
