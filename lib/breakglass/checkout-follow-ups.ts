import type { Db } from "../db";
import { hasDueNotifications } from "../notify";
import type { Checkout, CheckoutStatus } from "./checkout-types";

/**
 * What to start right after a checkout transition committed rather than at the next minute's
 * schedule: the rotation of a checkout just returned or expired (the secret someone saw must die
 * at once), and the notification drain when the transition queued something (an emergency must
 * reach every approver now).
 */
export type CheckoutFollowUps = { rotate: boolean; notify: boolean };

const ROTATABLE: readonly CheckoutStatus[] = ["returned", "expired", "rotation-pending"];

export async function findCheckoutFollowUps(
  db: Db,
  checkouts: readonly Pick<Checkout, "status" | "nextRotationAt">[],
  now: Date = new Date(),
): Promise<CheckoutFollowUps> {
  const rotate = checkouts.some((c) => ROTATABLE.includes(c.status) && c.nextRotationAt !== null && c.nextRotationAt <= now);
  return { rotate, notify: await hasDueNotifications(db, now) };
}
