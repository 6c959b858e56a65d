import type { Db } from "../db";
import { listCredentials } from "../vault";
import { windowInWholeSeconds } from "./window-bounds";

/** When a checkout's holder could use the credential: from the reveal until it was returned or expired. */
export type CheckoutWindow = { checkoutId: string; credentialId: string; accountId: string; iamUserName: string; from: Date; to: Date };

/**
 * The approved windows overlapping [from, to]. A window opens at the reveal — before it, the holder
 * had no secret, so activity then is not explained by the checkout — and closes at the return, or
 * at the countdown's end for an expired or still active checkout.
 */
export async function findCheckoutWindows(db: Db, range: { from: Date; to: Date }): Promise<CheckoutWindow[]> {
  const rows = await db.checkout.findMany({
    where: {
      revealedAt: { not: null, lte: range.to },
      OR: [{ endedAt: { gte: range.from } }, { endedAt: null, expiresAt: { gte: range.from } }],
    },
    select: { id: true, credentialId: true, revealedAt: true, endedAt: true, expiresAt: true },
    orderBy: { revealedAt: "asc" },
    take: 10_000,
  });
  if (rows.length === 0) return [];
  const credentials = new Map((await listCredentials(db)).map((c) => [c.id, c]));
  return rows.flatMap((row) => {
    const credential = credentials.get(row.credentialId);
    const to = row.endedAt ?? row.expiresAt;
    if (!credential || !row.revealedAt || !to) return [];
    return [
      {
        checkoutId: row.id,
        credentialId: row.credentialId,
        accountId: credential.accountId,
        iamUserName: credential.iamUserName,
        ...windowInWholeSeconds(row.revealedAt, to),
      },
    ];
  });
}
