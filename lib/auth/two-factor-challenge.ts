import type { Db } from "../db";
import type { HookContext } from "./hook-context";

/** better-auth's twoFactor plugin: the signed cookie naming a pending challenge, and its rows. */
const TWO_FACTOR_COOKIE = "two_factor";
const CHALLENGE_PREFIX = "2fa-";
const ATTEMPTS_PREFIX = "2fa-attempts-";

/** The user a pending TOTP challenge (the signed two_factor cookie) belongs to. */
export async function pendingTwoFactorUserId(ctx: HookContext): Promise<string | null> {
  const cookie = ctx.context.createAuthCookie(TWO_FACTOR_COOKIE);
  const identifier = await ctx.getSignedCookie(cookie.name, ctx.context.secret);
  if (!identifier) return null;
  const verification = await ctx.context.internalAdapter.findVerificationValue(identifier);
  return verification?.value ?? null;
}

/**
 * One open TOTP challenge per user: after a correct password, every older challenge of the user
 * (and its attempt counter) is deleted, so codes cannot be tried against several challenges at once
 * and an abandoned one cannot be picked up later.
 */
export async function keepNewestTwoFactorChallenge(db: Db, userId: string): Promise<void> {
  const challenges = await db.verification.findMany({
    where: { value: userId, identifier: { startsWith: CHALLENGE_PREFIX, not: { startsWith: ATTEMPTS_PREFIX } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { identifier: true },
  });
  const stale = challenges.slice(1).map((challenge) => challenge.identifier);
  if (stale.length === 0) return;
  await db.verification.deleteMany({
    where: { identifier: { in: [...stale, ...stale.map((identifier) => `${ATTEMPTS_PREFIX}${identifier}`)] } },
  });
}
