// Break-glass checkout: the pure state machine, its persisting wrapper (every transition audited in
// its own transaction), one live checkout per credential, the one reveal, rotation through IAM,
// CloudTrail windows for review and findings, and the daily drill. Never imports lib/findings.
export { next, rotationRetryAt, REQUEST_TTL_MINUTES, APPROVAL_TTL_MINUTES, MAX_ROTATION_BACKOFF_MINUTES } from "./checkout-machine";
export {
  CHECKOUT_STATUSES,
  LIVE_STATUSES,
  isLive,
  type Checkout,
  type CheckoutActor,
  type CheckoutEffect,
  type CheckoutEvent,
  type CheckoutStatus,
  type CheckoutRefusal,
  type CheckoutStep,
} from "./checkout-types";
export type { StoredCheckout } from "./checkout-row";
export { CheckoutRefusedError } from "./checkout-errors";
export { CHECKOUT_AUDIT_ACTION, CHECKOUT_TARGET_TYPE, type CheckoutAuditContext } from "./apply-checkout-event";
export type { CheckoutUser, RequestContext } from "./checkout-user";
export type { EmergencyProof } from "./emergency-totp";
export { requestCheckout, findLiveCheckout, type RequestCheckoutInput } from "./request-checkout";
export { approveCheckout, denyCheckout, cancelCheckout, declareEmergency, returnCheckout, reviewCheckout } from "./checkout-actions";
export { revealCheckout, type RevealedCheckout } from "./reveal-checkout";
export { rotateCheckout, ROTATION_ACTOR } from "./rotate-checkout";
export { rotateIamCredential, RotationFailure, type RotationClients, type RotationOptions } from "./rotate-iam-credential";
export { rotationClientsFromPool } from "./rotation-clients";
export { findManagementAccountId, rotationClientsForOrganization } from "./management-account";
export { generateIamPassword, getPasswordPolicy } from "./iam-password";
export { listRotationProblems, findDueRotations, type RotationProblem } from "./list-rotation-problems";
export { findCheckoutFollowUps, type CheckoutFollowUps } from "./checkout-follow-ups";
export { sweepCheckouts, SCHEDULER_ACTOR, type SweepSummary } from "./sweep-checkouts";
export { findCheckoutWindows, type CheckoutWindow } from "./find-checkout-windows";
export { findCheckoutActivity, type CheckoutActivity, type CheckoutActivityEvent } from "./find-checkout-activity";
export { runBreakglassDrill, listDrillFailures, DRILL_ACTOR, type DrillResult, type DrillFailure } from "./run-drill";
export { findLatestDrills, type DrillOutcome, type LatestDrill } from "./find-latest-drills";
export { drillCredential, DRILL_CHECKS, type DrillCheck, type DrillProblem } from "./drill-credential";
export { findLiveCheckouts, findRecentCheckouts, getCheckoutWithHistory, type CheckoutView, type TransitionView } from "./list-checkouts";
