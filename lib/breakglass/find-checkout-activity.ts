import type { Db } from "../db";
import { getCredential } from "../vault";
import { loadCheckout } from "./apply-checkout-event";
import { windowInWholeSeconds } from "./window-bounds";

export type CheckoutActivityEvent = {
  eventId: string;
  eventTime: Date;
  eventName: string;
  eventSource: string;
  awsRegion: string | null;
  sourceIp: string | null;
  userAgent: string | null;
  mfaUsed: boolean | null;
  success: boolean;
  errorCode: string | null;
};

export type CheckoutActivity = {
  /** null until the secret was revealed: there is no window yet */
  window: { from: Date; to: Date } | null;
  events: CheckoutActivityEvent[];
  /** more events than `limit` in the window */
  isTruncated: boolean;
};

const DEFAULT_LIMIT = 500;

/**
 * The break-glass IAM user's CloudTrail events during a checkout's window, oldest first, for the
 * post-incident review: ingested events (live LookupEvents or imported log files) whose caller is
 * that user in that account. An open window reads up to now; CloudTrail delivers minutes late, so a
 * review just after the return may not see the last calls yet.
 */
export async function findCheckoutActivity(
  db: Db,
  checkoutId: string,
  options: { limit?: number; now?: Date } = {},
): Promise<CheckoutActivity> {
  const checkout = await loadCheckout(db, checkoutId);
  if (!checkout.revealedAt) return { window: null, events: [], isTruncated: false };
  const credential = await getCredential(db, checkout.credentialId);
  const now = options.now ?? new Date();
  const window = windowInWholeSeconds(
    checkout.revealedAt,
    checkout.endedAt ?? (checkout.expiresAt && checkout.expiresAt < now ? checkout.expiresAt : now),
  );
  const limit = Math.min(Math.max(1, options.limit ?? DEFAULT_LIMIT), 5_000);
  const rows = await db.cloudTrailEvent.findMany({
    where: {
      actorType: "IAMUser",
      actorUserName: credential.iamUserName,
      OR: [{ actorAccountId: credential.accountId }, { actorAccountId: null, accountId: credential.accountId }],
      eventTime: { gte: window.from, lte: window.to },
    },
    select: {
      eventId: true,
      eventTime: true,
      eventName: true,
      eventSource: true,
      awsRegion: true,
      sourceIp: true,
      userAgent: true,
      mfaUsed: true,
      success: true,
      errorCode: true,
    },
    orderBy: [{ eventTime: "asc" }, { eventId: "asc" }],
    take: limit + 1,
    distinct: ["eventId"],
  });
  return { window, events: rows.slice(0, limit), isTruncated: rows.length > limit };
}
