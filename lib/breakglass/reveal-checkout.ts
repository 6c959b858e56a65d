import type { PrismaClient } from "../db";
import { readCredentialSecrets, type CredentialSecrets } from "../vault";
import { applyCheckoutEvent } from "./apply-checkout-event";
import type { StoredCheckout } from "./checkout-row";
import { checkoutActor, userAudit, type CheckoutUser, type RequestContext } from "./checkout-user";

export type RevealedCheckout = { checkout: StoredCheckout; secrets: CredentialSecrets; iamUserName: string; accountId: string };

/**
 * The one reveal: only the holder of an approved (or emergency) checkout, once. The checkout
 * becomes active (the countdown starts) in the same transaction that decrypts the secret, so a
 * second reveal — even a concurrent one — finds it active and is refused. The audit entry says
 * which fields were revealed, never their values.
 */
export async function revealCheckout(
  db: PrismaClient,
  user: CheckoutUser,
  checkoutId: string,
  context: RequestContext = {},
): Promise<RevealedCheckout> {
  const result = await db.$transaction((tx) =>
    applyCheckoutEvent(
      tx,
      checkoutId,
      { type: "reveal", actor: checkoutActor(user), at: new Date() },
      userAudit(user, context),
      async ({ credential }) => {
        const secrets = await readCredentialSecrets(tx, credential.id);
        return {
          value: secrets,
          detail: { hasPassword: secrets.password !== undefined, accessKeyId: secrets.accessKeyId ?? null },
        };
      },
    ),
  );
  return {
    checkout: result.checkout,
    secrets: result.value ?? {},
    iamUserName: result.credential.iamUserName,
    accountId: result.credential.accountId,
  };
}
