import { claimTotpCode, type TotpClaim } from "../auth";
import type { Db } from "../db";
import type { CheckoutUser } from "./checkout-user";

/** The TOTP re-entry of an emergency self-approval; `authSecret` is the one that encrypted the user's TOTP secret (AuthSettings.secret). */
export type EmergencyProof = { totpCode: string; authSecret: string };

/** Claims the code's time step for the user, exactly as sign-in does: a code is good once. */
export function claimEmergencyTotp(db: Db, user: CheckoutUser, proof: EmergencyProof): Promise<TotpClaim> {
  return claimTotpCode(db, { userId: user.id, code: proof.totpCode.trim(), secretKey: proof.authSecret });
}
