import type { SecretConfig } from "better-auth/crypto";
import type { Db } from "../db";
import { decryptTotpKey, matchTotpStep } from "./totp";

/**
 * How long after the claim better-auth may still be verifying the same request. Its verify-totp
 * reads the clock itself a moment later; if a step boundary falls in between, it accepts one step
 * beyond what was acceptable at the claim, and that step must have been claimed too.
 */
const VERIFY_GRACE_MS = 5_000;

/** "claimed": the code's step is now this user's last; "replayed": it was used (or passed) before. */
export type TotpClaim = "claimed" | "replayed" | "no-match";

export type TotpClaimInput = {
  userId: string;
  code: string;
  /** better-auth's `ctx.context.secretConfig`, which encrypted the stored TOTP secret. */
  secretKey: string | SecretConfig;
  now?: Date;
};

/**
 * Claims the RFC 6238 time step of a TOTP code before better-auth verifies it, so each step signs
 * a user in at most once: the conditional UPDATE succeeds for only one of any concurrent requests,
 * and never for a step at or before the last one claimed. A claimed step stays used even if the
 * sign-in then fails for another reason; a code someone has submitted is spent. A code matching
 * no acceptable step is left to better-auth to refuse (and to Vigil's lockout to count).
 */
export async function claimTotpCode(db: Db, input: TotpClaimInput): Promise<TotpClaim> {
  const factor = await db.twoFactor.findFirst({ where: { userId: input.userId }, select: { secret: true } });
  if (!factor) return "no-match";
  const key = await decryptTotpKey(factor.secret, input.secretKey);
  const now = input.now ?? new Date();
  const step = matchTotpStep(key, input.code, now, new Date(now.getTime() + VERIFY_GRACE_MS));
  if (step === null) return "no-match";
  const claimed = await db.$executeRaw`
    UPDATE "User" SET "lastTotpStep" = ${step}
    WHERE "id" = ${input.userId} AND ("lastTotpStep" IS NULL OR "lastTotpStep" < ${step})`;
  return claimed === 1 ? "claimed" : "replayed";
}
