import type { Db, PrismaClient } from "../db/client";
import type { AuthMethod } from "../db/generated/enums";
import { nextLockoutState, type LockoutPolicy, type LockoutState } from "./lockout";
import { recordAuthEvent } from "./record-auth-event";
import type { RequestMeta } from "./request-meta";

type Subject = { userId: string | null; username: string; method: AuthMethod; meta: RequestMeta };

export type FailureInput = Subject & {
  step: "password" | "totp";
  reason: string;
  policy: LockoutPolicy;
  now?: Date;
};

/**
 * Records a failed sign-in step and advances the account's lockout state in one transaction; the
 * user row is locked first so concurrent failures cannot lose a count. Returns the lock, if any.
 */
export async function recordSignInFailure(db: PrismaClient, input: FailureInput): Promise<{ lockedUntil: Date | null }> {
  const at = input.now ?? new Date();
  const type = input.step === "totp" ? "TOTP_FAILURE" : "SIGN_IN_FAILURE";
  return db.$transaction(async (tx) => {
    const user = input.userId ? await lockUserRow(tx, input.userId) : null;
    if (!user) {
      await recordAuthEvent(tx, { ...input, userId: null, type, at, detail: { reason: input.reason } });
      return { lockedUntil: null };
    }
    const { state, isNewlyLocked } = nextLockoutState(user, { type: "failure", at }, input.policy);
    await tx.user.update({
      where: { id: user.id },
      data: { failedLoginCount: state.failedCount, lockedUntil: state.lockedUntil },
    });
    await recordAuthEvent(tx, {
      ...input,
      type,
      at,
      detail: { reason: input.reason, failedCount: state.failedCount },
    });
    if (isNewlyLocked && state.lockedUntil) {
      await recordAuthEvent(tx, {
        ...input,
        type: "LOCKOUT",
        at,
        detail: { lockedUntil: state.lockedUntil.toISOString(), failedCount: state.failedCount },
      });
    }
    return { lockedUntil: state.lockedUntil };
  });
}

/** A complete sign-in: clears the failure count and records who signed in, how and from where. */
export async function recordSignInSuccess(
  db: PrismaClient,
  input: Subject & { userId: string; detail?: Record<string, string> },
): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: input.userId }, data: { failedLoginCount: 0, lockedUntil: null } });
    await recordAuthEvent(tx, { ...input, type: "SIGN_IN_SUCCESS", detail: input.detail });
  });
}

async function lockUserRow(tx: Db, userId: string): Promise<(LockoutState & { id: string }) | null> {
  await tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: { id: true, failedLoginCount: true, lockedUntil: true },
  });
  return user ? { id: user.id, failedCount: user.failedLoginCount, lockedUntil: user.lockedUntil } : null;
}
