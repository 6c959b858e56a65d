import { describe, expect, it } from "vitest";
import { next, rotationRetryAt, REQUEST_TTL_MINUTES } from "./checkout-machine";
import { CHECKOUT_STATUSES, isLive, type Checkout, type CheckoutActor, type CheckoutEvent, type CheckoutStatus } from "./checkout-types";

const T0 = new Date("2026-12-01T10:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const operator: CheckoutActor = { id: "u-op", name: "olga", role: "breakglass-operator" };
const otherOperator: CheckoutActor = { id: "u-op2", name: "oscar", role: "breakglass-operator" };
const approver: CheckoutActor = { id: "u-ap", name: "ann", role: "approver" };
const viewer: CheckoutActor = { id: "u-vi", name: "vic", role: "viewer" };
const admin: CheckoutActor = { id: "u-ad", name: "ada", role: "admin" };

function makeRequest(overrides: Partial<Extract<CheckoutEvent, { type: "request" }>> = {}): CheckoutEvent {
  return {
    type: "request",
    actor: operator,
    at: T0,
    credential: { id: "cred-1", maxCheckoutMinutes: 60 },
    reason: "prod database is down",
    reference: "INC-42",
    durationMinutes: 30,
    ...overrides,
  };
}

function run(...events: CheckoutEvent[]): Checkout {
  let checkout: Checkout | null = null;
  for (const event of events) {
    const result = next(checkout, event);
    if (!result.ok) throw new Error(`${event.type} refused: ${result.message}`);
    checkout = result.checkout;
  }
  return checkout!;
}

function refusal(checkout: Checkout | null, event: CheckoutEvent) {
  const result = next(checkout, event);
  if (result.ok) throw new Error(`${event.type} was accepted in ${checkout?.status}`);
  return result;
}

const requested = () => run(makeRequest());
const approved = () => run(makeRequest(), { type: "approve", actor: approver, at: at(1) });
const active = () => run(makeRequest(), { type: "approve", actor: approver, at: at(1) }, { type: "reveal", actor: operator, at: at(2) });
const returned = () =>
  run(
    makeRequest(),
    { type: "approve", actor: approver, at: at(1) },
    { type: "reveal", actor: operator, at: at(2) },
    { type: "return", actor: operator, at: at(10) },
  );

/** A checkout in each state, reached through the machine itself. */
const IN_STATE: Record<CheckoutStatus, () => Checkout> = {
  requested,
  approved,
  emergency: () => run(makeRequest(), { type: "emergency", actor: operator, at: at(1), totp: "claimed" }),
  active,
  returned,
  expired: () =>
    run(
      makeRequest(),
      { type: "approve", actor: approver, at: at(1) },
      { type: "reveal", actor: operator, at: at(2) },
      { type: "expire", at: at(40) },
    ),
  "rotation-pending": () =>
    run(
      makeRequest(),
      { type: "approve", actor: approver, at: at(1) },
      { type: "reveal", actor: operator, at: at(2) },
      { type: "return", actor: operator, at: at(10) },
      { type: "rotation-failed", at: at(11), error: "AccessDenied" },
    ),
  rotated: () =>
    run(
      makeRequest(),
      { type: "approve", actor: approver, at: at(1) },
      { type: "reveal", actor: operator, at: at(2) },
      { type: "return", actor: operator, at: at(10) },
      { type: "rotation-succeeded", at: at(11) },
    ),
  reviewed: () =>
    run(
      makeRequest(),
      { type: "approve", actor: approver, at: at(1) },
      { type: "reveal", actor: operator, at: at(2) },
      { type: "return", actor: operator, at: at(10) },
      { type: "rotation-succeeded", at: at(11) },
      { type: "review", actor: approver, at: at(20), note: "fine" },
    ),
  denied: () => run(makeRequest(), { type: "deny", actor: approver, at: at(1), reason: "no incident" }),
  cancelled: () => run(makeRequest(), { type: "cancel", actor: operator, at: at(1) }),
  "request-expired": () => run(makeRequest(), { type: "lapse", at: at(REQUEST_TTL_MINUTES) }),
};

/** Each event, from the actor who may send it, late enough for the time-bound ones. */
const EVENTS: CheckoutEvent[] = [
  makeRequest(),
  { type: "approve", actor: approver, at: at(1) },
  { type: "emergency", actor: operator, at: at(1), totp: "claimed" },
  { type: "deny", actor: approver, at: at(1), reason: "no" },
  { type: "cancel", actor: operator, at: at(1) },
  { type: "lapse", at: at(500) },
  { type: "reveal", actor: operator, at: at(2) },
  { type: "return", actor: operator, at: at(10) },
  { type: "expire", at: at(500) },
  { type: "rotation-failed", at: at(600), error: "Throttling" },
  { type: "rotation-succeeded", at: at(600) },
  { type: "review", actor: approver, at: at(700), note: "ok" },
];

const ALLOWED: Record<CheckoutStatus, string[]> = {
  requested: ["approve", "emergency", "deny", "cancel", "lapse"],
  approved: ["cancel", "lapse", "reveal"],
  emergency: ["cancel", "lapse", "reveal"],
  active: ["return", "expire"],
  returned: ["rotation-failed", "rotation-succeeded"],
  expired: ["rotation-failed", "rotation-succeeded"],
  "rotation-pending": ["rotation-failed", "rotation-succeeded"],
  rotated: ["review"],
  reviewed: [],
  denied: [],
  cancelled: [],
  "request-expired": [],
};

describe("checkout state machine", () => {
  describe.each(CHECKOUT_STATUSES)("in %s", (status) => {
    it.each(EVENTS.map((e) => [e.type, e] as const))("%s is accepted only where the flow allows it", (type, event) => {
      const checkout = IN_STATE[status]();
      expect(checkout.status).toBe(status);
      const result = next(checkout, event);
      // "lapse" in approved/emergency needs the approval's own deadline: at(500) is past it
      expect(result.ok).toBe(ALLOWED[status].includes(type));
      if (!result.ok) expect(result.message).toMatch(/\w{3,}/);
    });
  });

  it("a request carries reason, reference and duration and tells every approver", () => {
    const result = next(null, makeRequest());
    expect(result).toMatchObject({
      ok: true,
      checkout: { status: "requested", reason: "prod database is down", reference: "INC-42", durationMinutes: 30, requesterId: "u-op" },
    });
    expect(result.ok && result.effects).toEqual([{ type: "notify", event: "checkout.requested", audience: "approvers" }]);
  });

  it("a duration up to the credential's maximum is accepted, one minute more is refused", () => {
    expect(next(null, makeRequest({ durationMinutes: 60 })).ok).toBe(true);
    expect(refusal(null, makeRequest({ durationMinutes: 61 })).message).toBe(
      "the duration 61 min is over this credential's maximum of 60 min",
    );
    expect(refusal(null, makeRequest({ durationMinutes: 0 })).code).toBe("INVALID");
    expect(refusal(null, makeRequest({ durationMinutes: 1.5 })).code).toBe("INVALID");
  });

  it("a request without reason or reference is refused by name", () => {
    expect(refusal(null, makeRequest({ reason: "  " })).message).toBe("a checkout needs a reason");
    expect(refusal(null, makeRequest({ reference: "" })).message).toBe("a checkout needs an incident or ticket reference");
    expect(refusal(null, makeRequest({ reason: "x".repeat(2001) })).code).toBe("INVALID");
  });

  it("only a breakglass-operator (or admin) may request", () => {
    expect(refusal(null, makeRequest({ actor: approver })).code).toBe("FORBIDDEN");
    expect(refusal(null, makeRequest({ actor: viewer })).code).toBe("FORBIDDEN");
    expect(next(null, makeRequest({ actor: admin })).ok).toBe(true);
  });

  it("the requester cannot approve their own request, even as admin (two-person rule)", () => {
    const byAdmin = run(makeRequest({ actor: admin }));
    expect(refusal(byAdmin, { type: "approve", actor: admin, at: at(1) }).message).toMatch(/two-person rule/);
    expect(next(byAdmin, { type: "approve", actor: approver, at: at(1) }).ok).toBe(true);
  });

  it("another operator cannot approve: approving takes the approver role", () => {
    expect(refusal(requested(), { type: "approve", actor: otherOperator, at: at(1) }).code).toBe("FORBIDDEN");
  });

  it("approval after the request lapsed is refused; one minute before is accepted", () => {
    expect(refusal(requested(), { type: "approve", actor: approver, at: at(REQUEST_TTL_MINUTES) }).message).toMatch(/lapsed/);
    expect(next(requested(), { type: "approve", actor: approver, at: at(REQUEST_TTL_MINUTES - 1) }).ok).toBe(true);
  });

  it("emergency self-approval needs the requester's valid TOTP code; it tells every approver and makes review mandatory", () => {
    const result = next(requested(), { type: "emergency", actor: operator, at: at(1), totp: "claimed" });
    expect(result).toMatchObject({
      ok: true,
      checkout: { status: "emergency", isEmergency: true, isReviewRequired: true, approverId: "u-op" },
    });
    expect(result.ok && result.effects).toEqual([{ type: "notify", event: "checkout.emergency", audience: "approvers" }]);
    expect(refusal(requested(), { type: "emergency", actor: operator, at: at(1), totp: "no-match" }).message).toMatch(/TOTP code is wrong/);
    expect(refusal(requested(), { type: "emergency", actor: operator, at: at(1), totp: "replayed" }).message).toMatch(/already used/);
    expect(refusal(requested(), { type: "emergency", actor: otherOperator, at: at(1), totp: "claimed" }).code).toBe("FORBIDDEN");
  });

  it("an approved (not emergency) checkout does not require a review", () => {
    expect(approved().isReviewRequired).toBe(false);
  });

  it("a denial needs a reason and an approver other than the requester", () => {
    expect(refusal(requested(), { type: "deny", actor: approver, at: at(1), reason: " " }).message).toBe("a denial needs a reason");
    expect(refusal(run(makeRequest({ actor: admin })), { type: "deny", actor: admin, at: at(1), reason: "x" }).code).toBe("FORBIDDEN");
    expect(run(makeRequest(), { type: "deny", actor: approver, at: at(1), reason: "not an incident" }).note).toBe("not an incident");
  });

  it("only the requester cancels, and only before the reveal", () => {
    expect(refusal(approved(), { type: "cancel", actor: approver, at: at(2) }).code).toBe("FORBIDDEN");
    expect(refusal(active(), { type: "cancel", actor: operator, at: at(3) }).code).toBe("CONFLICT");
  });

  it("a request lapses at its deadline and not a moment before", () => {
    expect(refusal(requested(), { type: "lapse", at: at(REQUEST_TTL_MINUTES - 1) }).message).toBe("the request has not lapsed yet");
    expect(run(makeRequest(), { type: "lapse", at: at(REQUEST_TTL_MINUTES) }).status).toBe("request-expired");
    expect(refusal(approved(), { type: "lapse", at: at(60) }).code).toBe("CONFLICT");
    expect(run(makeRequest(), { type: "approve", actor: approver, at: at(1) }, { type: "lapse", at: at(61) }).note).toBe(
      "approved but never revealed in time",
    );
  });

  it("the holder reveals once: the window opens and the countdown starts; a second reveal is refused", () => {
    const checkout = active();
    expect(checkout).toMatchObject({ status: "active", revealedAt: at(2), expiresAt: at(32) });
    expect(refusal(checkout, { type: "reveal", actor: operator, at: at(3) }).message).toMatch(/already revealed .* once/);
  });

  it("nobody but the holder reveals, not even the approver", () => {
    expect(refusal(approved(), { type: "reveal", actor: approver, at: at(2) }).code).toBe("FORBIDDEN");
  });

  it("a reveal after the approval lapsed is refused", () => {
    expect(refusal(approved(), { type: "reveal", actor: operator, at: at(61) }).message).toMatch(/approval lapsed/);
  });

  it("returning closes the window and asks for rotation", () => {
    const result = next(active(), { type: "return", actor: operator, at: at(10) });
    expect(result).toMatchObject({ ok: true, checkout: { status: "returned", endedAt: at(10), nextRotationAt: at(10) } });
    expect(result.ok && result.effects).toEqual([{ type: "rotate" }]);
    expect(refusal(active(), { type: "return", actor: otherOperator, at: at(10) }).code).toBe("FORBIDDEN");
  });

  it("the scheduler expires a checkout at its countdown's end (window closed then), not before", () => {
    expect(refusal(active(), { type: "expire", at: at(31) }).code).toBe("CONFLICT");
    const result = next(active(), { type: "expire", at: at(33) });
    expect(result).toMatchObject({ ok: true, checkout: { status: "expired", endedAt: at(32), nextRotationAt: at(33) } });
    expect(result.ok && result.effects.map((e) => e.type)).toEqual(["rotate", "notify"]);
  });

  it("a refused rotation stays pending and backs off 1, 2, 4 … minutes up to an hour; only the first failure notifies", () => {
    const first = next(returned(), { type: "rotation-failed", at: at(11), error: "AccessDenied: no" });
    expect(first).toMatchObject({
      ok: true,
      checkout: { status: "rotation-pending", rotationAttempts: 1, nextRotationAt: at(12), rotationError: "AccessDenied: no" },
    });
    expect(first.ok && first.effects).toEqual([{ type: "notify", event: "rotation.failed", audience: "approvers" }]);
    const second = next(first.ok ? first.checkout : null, { type: "rotation-failed", at: at(12), error: "Throttling" });
    expect(second).toMatchObject({ ok: true, checkout: { rotationAttempts: 2, nextRotationAt: at(14) }, effects: [] });
    expect(rotationRetryAt(T0, 3)).toEqual(at(4));
    expect(rotationRetryAt(T0, 30)).toEqual(at(60));
  });

  it("a successful rotation after failures clears the error", () => {
    const checkout = run(
      makeRequest(),
      { type: "approve", actor: approver, at: at(1) },
      { type: "reveal", actor: operator, at: at(2) },
      { type: "return", actor: operator, at: at(10) },
      { type: "rotation-failed", at: at(11), error: "x" },
      { type: "rotation-succeeded", at: at(13) },
    );
    expect(checkout).toMatchObject({
      status: "rotated",
      rotatedAt: at(13),
      rotationError: null,
      nextRotationAt: null,
      rotationAttempts: 2,
    });
  });

  it("a review takes an approver who did not hold the checkout, and a note", () => {
    const rotated = IN_STATE.rotated();
    expect(refusal(rotated, { type: "review", actor: operator, at: at(20), note: "x" }).code).toBe("FORBIDDEN");
    expect(refusal({ ...rotated, requesterId: admin.id }, { type: "review", actor: admin, at: at(20), note: "x" }).message).toMatch(
      /held this checkout/,
    );
    expect(refusal(rotated, { type: "review", actor: approver, at: at(20), note: "" }).code).toBe("INVALID");
    expect(IN_STATE.reviewed()).toMatchObject({ status: "reviewed", reviewerId: "u-ap", note: "fine" });
    expect(refusal(IN_STATE.reviewed(), { type: "review", actor: approver, at: at(21), note: "x" }).message).toBe(
      "already reviewed by ann",
    );
  });

  it("every state up to the rotation is live; rotated and the ends are not", () => {
    expect(CHECKOUT_STATUSES.filter(isLive)).toEqual([
      "requested",
      "approved",
      "emergency",
      "active",
      "returned",
      "expired",
      "rotation-pending",
    ]);
  });

  it("nothing but a request starts a checkout", () => {
    expect(refusal(null, { type: "approve", actor: approver, at: T0 }).code).toBe("CONFLICT");
  });
});
