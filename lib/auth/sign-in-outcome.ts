import type { Db, PrismaClient } from "../db";
import type { AuthMethod } from "../db";
import { recordAuthEvent } from "./record-auth-event";
import type { RequestMeta } from "./request-meta";
import {
  ALERT_WINDOW_MINUTES,
  clearSignInThrottle,
  pruneStaleThrottles,
  takeSignInAlert,
  type LockoutPolicy,
  type SignInAlert,
  type ThrottleKey,
} from "./sign-in-throttle";

type Subject = { userId: string | null; username: string; method: AuthMethod; meta: RequestMeta };

export type FailureInput = Subject & {
  step: "password" | "totp";
  reason: string;
  /** The throttle slot this attempt reserved, with the count and delay it left. */
  throttle: { key: ThrottleKey; failures: number; blockedUntil: Date | null } | null;
  policy: LockoutPolicy;
  now?: Date;
};

/**
 * Records a failed sign-in step (already counted when its attempt was reserved): the failure, the
 * delay it earned this address, and an alert when the account's failures from all addresses pile
 * up. Returns the alert, if this failure raised one, for the caller to log.
 */
export async function recordSignInFailure(db: PrismaClient, input: FailureInput): Promise<SignInAlert | null> {
  const at = input.now ?? new Date();
  const type = input.step === "totp" ? "TOTP_FAILURE" : "SIGN_IN_FAILURE";
  const { throttle, policy, userId } = input;
  return db.$transaction(async (tx) => {
    // Run for unknown usernames too (it matches no user): the same queries, the same timing. First,
    // because it locks the User row: every writer takes that lock before the audit trail's, as an
    // admin's role change does, so the two cannot deadlock.
    const alert = await takeSignInAlert(tx, userId ?? "", policy, at);
    await recordAuthEvent(tx, {
      ...input,
      type,
      at,
      detail: { reason: input.reason, failedCount: throttle?.failures ?? null },
    });
    if (throttle?.blockedUntil) {
      await recordAuthEvent(tx, {
        ...input,
        type: "LOCKOUT",
        at,
        detail: { scope: "client address", delayedUntil: throttle.blockedUntil.toISOString(), failedCount: throttle.failures },
      });
    }
    if (alert) {
      await recordAuthEvent(tx, {
        ...input,
        type: "SIGN_IN_ALERT",
        at,
        detail: { failures: alert.failures, addresses: alert.addresses, windowMinutes: ALERT_WINDOW_MINUTES },
      });
    }
    return alert;
  });
}

/** A complete sign-in: forgives this address's failures and records who signed in, how and from where. */
export async function recordSignInSuccess(
  db: PrismaClient,
  input: Subject & { userId: string; throttle?: ThrottleKey; detail?: Record<string, string> },
): Promise<void> {
  await db.$transaction(async (tx: Db) => {
    if (input.throttle) await clearSignInThrottle(tx, input.throttle);
    await pruneStaleThrottles(tx);
    await recordAuthEvent(tx, { ...input, type: "SIGN_IN_SUCCESS", detail: input.detail });
  });
}
