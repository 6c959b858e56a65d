import { createHmac } from "node:crypto";
import type { Db } from "../db";

/**
 * How failed sign-in steps are slowed down, per (account or unknown username, client address):
 * the first `threshold - 1` failures cost nothing, then each further attempt waits
 * `firstDelaySeconds`, doubling per failure up to `lockMinutes`. An address quiet for `lockMinutes`
 * after its last attempt (or its last delay) starts over. Nothing ever locks the account itself.
 */
export type LockoutPolicy = {
  threshold: number;
  lockMinutes: number;
  firstDelaySeconds: number;
  /** Failed steps against one account, from all addresses within ALERT_WINDOW_MINUTES, that raise SIGN_IN_ALERT. */
  alertFailures: number;
};

export const DEFAULT_FIRST_DELAY_SECONDS = 30;
export const ALERT_WINDOW_MINUTES = 60;
const STALE_THROTTLE_MS = 24 * 3600_000;

export type ThrottleKey = {
  /** `user:<id>` or `name:<hmac>` (throttleSubjectFor). */
  subject: string;
  /** throttleAddressOf(resolved client address). */
  clientAddress: string;
  userId: string | null;
};

export type Reservation =
  { isAllowed: true; failures: number; blockedUntil: Date | null } | { isAllowed: false; retryAfterSeconds: number };

/**
 * The throttle subject of a sign-in attempt. An unknown username gets one of its own (keyed, so a
 * password typed into the username field is not stored readable), which makes it follow exactly
 * the same path, queries and delays as an account: the answers cannot tell the two apart.
 */
export function throttleSubjectFor(user: { id: string } | null, username: string, secret: string): string {
  if (user) return `user:${user.id}`;
  return `name:${createHmac("sha256", secret).update(username).digest("base64url").slice(0, 32)}`;
}

type ReservedRow = { failures: number; blockedUntilMs: number | null };

/**
 * Reserves one attempt before its password or code is checked: a single conditional upsert that
 * counts the attempt as a failure in advance and refuses while the address is delayed. Postgres
 * serializes concurrent upserts on the row, so of any burst at most `threshold` pass before the
 * first delay applies; the rest are refused without being evaluated. A good password gives its
 * reservation back (refundPasswordAttempt); a complete sign-in clears the row (clearSignInThrottle).
 */
export async function reserveSignInAttempt(db: Db, key: ThrottleKey, policy: LockoutPolicy, now: Date = new Date()): Promise<Reservation> {
  const nowMs = now.getTime();
  const capSeconds = policy.lockMinutes * 60;
  // The count after this attempt; an address quiet for lockMinutes starts over. Repeated in SET
  // because an upsert's SET cannot read the other columns' new values.
  const next = (
    alias: string,
  ) => `(CASE WHEN GREATEST(${alias}."lastAttemptAt", COALESCE(${alias}."blockedUntil", ${alias}."lastAttemptAt"))
      + make_interval(mins => $5) < p.now THEN 1 ELSE ${alias}."failures" + 1 END)`;
  const delayUntil = (failures: string) => `CASE WHEN ${failures} >= $4 THEN p.now + make_interval(secs => LEAST(
      $6 * power(2, LEAST(${failures} - $4, 30)), $7)) END`;
  const rows = await db.$queryRawUnsafe<ReservedRow[]>(
    `WITH p AS (SELECT (to_timestamp($8::float8 / 1000) AT TIME ZONE 'UTC') AS now)
    INSERT INTO "SignInThrottle" AS t ("subject", "clientAddress", "userId", "failures", "lastAttemptAt", "blockedUntil")
    SELECT $1, $2, $3, 1, p.now, ${delayUntil("1")} FROM p
    ON CONFLICT ("subject", "clientAddress") DO UPDATE SET
      "failures" = (SELECT ${next("t")} FROM p),
      "lastAttemptAt" = (SELECT p.now FROM p),
      "blockedUntil" = (SELECT ${delayUntil(next("t"))} FROM p)
    WHERE t."blockedUntil" IS NULL OR t."blockedUntil" <= (SELECT p.now FROM p)
    RETURNING "failures", (EXTRACT(EPOCH FROM "blockedUntil") * 1000)::float8 AS "blockedUntilMs"`,
    key.subject,
    key.clientAddress,
    key.userId,
    policy.threshold,
    policy.lockMinutes,
    policy.firstDelaySeconds,
    capSeconds,
    nowMs,
  );
  const reserved = rows[0];
  if (reserved) {
    const blockedUntil = reserved.blockedUntilMs === null ? null : new Date(reserved.blockedUntilMs);
    return { isAllowed: true, failures: reserved.failures, blockedUntil };
  }
  const blocked = await db.signInThrottle.findUnique({
    where: { subject_clientAddress: { subject: key.subject, clientAddress: key.clientAddress } },
    select: { blockedUntil: true },
  });
  const waitMs = (blocked?.blockedUntil?.getTime() ?? nowMs) - nowMs;
  return { isAllowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
}

/**
 * A correct password gives its reservation back: passwords alone never open a session, and the TOTP
 * step that follows is reserved and counted on its own. The delay stays only if the remaining
 * failures still earn one.
 */
export async function refundPasswordAttempt(db: Db, key: ThrottleKey, policy: LockoutPolicy): Promise<void> {
  await db.$executeRaw`
    UPDATE "SignInThrottle"
    SET "failures" = GREATEST("failures" - 1, 0),
        "blockedUntil" = CASE WHEN "failures" - 1 >= ${policy.threshold}::int THEN "blockedUntil" END
    WHERE "subject" = ${key.subject} AND "clientAddress" = ${key.clientAddress}`;
}

/** A complete sign-in (password and TOTP) from this address: its failures are forgiven. */
export async function clearSignInThrottle(db: Db, key: ThrottleKey): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { subject: key.subject, clientAddress: key.clientAddress } });
}

/**
 * Deletes throttles idle for a day: by then a count has long started over (see LockoutPolicy), and
 * rows for unknown usernames would otherwise pile up. Run on successful sign-ins, so it costs
 * nothing while nobody signs in.
 */
export async function pruneStaleThrottles(db: Db, now: Date = new Date()): Promise<void> {
  const cutoff = new Date(now.getTime() - STALE_THROTTLE_MS);
  await db.signInThrottle.deleteMany({
    where: { lastAttemptAt: { lt: cutoff }, OR: [{ blockedUntil: null }, { blockedUntil: { lt: cutoff } }] },
  });
}

export type SignInAlert = { failures: number; addresses: number };

/**
 * Failed steps against one account from all addresses within ALERT_WINDOW_MINUTES: once they reach
 * `policy.alertFailures`, returns them, at most once per window per account (the conditional
 * UPDATE on the user row is the one-winner gate). Someone guessing from many addresses gets no
 * lock, which would shut the owner out too; the operators get an alert instead.
 */
export async function takeSignInAlert(db: Db, userId: string, policy: LockoutPolicy, now: Date = new Date()): Promise<SignInAlert | null> {
  const rows = await db.$queryRaw<Array<{ failures: number; addresses: number }>>`
    WITH p AS (
      SELECT (to_timestamp(${now.getTime()}::float8 / 1000) AT TIME ZONE 'UTC') AS now,
             make_interval(mins => ${ALERT_WINDOW_MINUTES}::int) AS window_length
    ), recent AS (
      SELECT COALESCE(SUM(t."failures"), 0)::int AS failures, COUNT(*)::int AS addresses
      FROM "SignInThrottle" t, p
      WHERE t."userId" = ${userId} AND t."failures" > 0 AND t."lastAttemptAt" > p.now - p.window_length
    )
    UPDATE "User" u SET "signInAlertedAt" = p.now
    FROM p, recent
    WHERE u."id" = ${userId}
      AND recent.failures >= ${policy.alertFailures}::int
      AND (u."signInAlertedAt" IS NULL OR u."signInAlertedAt" <= p.now - p.window_length)
    RETURNING recent.failures, recent.addresses`;
  return rows[0] ?? null;
}
