import { userActor } from "../audit";
import type { AuthMethod } from "../db";
import type { RoleName } from "../auth";
import type { CheckoutAuditContext } from "./apply-checkout-event";
import type { CheckoutActor } from "./checkout-types";

/** The signed-in user acting (lib/auth's SessionUser has this shape), with the request's facts for the audit entry. */
export type CheckoutUser = { id: string; displayName: string; role: RoleName; method: AuthMethod };
export type RequestContext = { requestId?: string | null; clientAddress?: string | null };

export const checkoutActor = (user: CheckoutUser): CheckoutActor => ({ id: user.id, name: user.displayName, role: user.role });

export const userAudit = (user: CheckoutUser, context: RequestContext = {}): CheckoutAuditContext => ({
  actor: userActor(user),
  requestId: context.requestId,
  clientAddress: context.clientAddress,
});
