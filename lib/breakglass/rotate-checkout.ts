import type { AuditActor } from "../audit";
import type { PrismaClient } from "../db";
import { getCredential, readCredentialSecrets, replaceCredentialSecrets, type CredentialSecrets } from "../vault";
import { applyCheckoutEvent, loadCheckout } from "./apply-checkout-event";
import { CheckoutRefusedError } from "./checkout-errors";
import { toDbStatus, type StoredCheckout } from "./checkout-row";
import {
  describeAwsError,
  rotateIamCredential,
  RotationFailure,
  type RotationClients,
  type RotationOptions,
} from "./rotate-iam-credential";

export const ROTATION_ACTOR: AuditActor = { type: "system", name: "breakglass-rotation" };
/** A rotation attempt holds its checkout this long, so two workers never rotate it at once. */
const LEASE_MS = 15 * 60_000;
/** Secrets re-sealed with KMS make network calls inside the transaction. */
const TX_TIMEOUT_MS = 60_000;

const ROTATABLE = (["returned", "expired", "rotation-pending"] as const).map(toDbStatus);

const hasSecret = (secrets: CredentialSecrets) => secrets.password !== undefined || secrets.secretAccessKey !== undefined;

/**
 * Rotates the credential of a returned or expired checkout (or retries a pending rotation) and
 * records the outcome: `rotated` with the new secrets stored in the same transaction, or
 * `rotation-pending` with IAM's refusal and the next retry time — never shown as safe. Secrets
 * already changed in IAM before a failure are stored with the failure, so none is lost.
 */
export async function rotateCheckout(
  db: PrismaClient,
  clientsFor: (accountId: string) => RotationClients,
  checkoutId: string,
  options: RotationOptions = {},
): Promise<StoredCheckout> {
  const checkout = await loadCheckout(db, checkoutId);
  const lease = await db.checkout.updateMany({
    where: { id: checkoutId, version: checkout.version, status: { in: ROTATABLE } },
    data: { nextRotationAt: new Date(Date.now() + LEASE_MS), version: { increment: 1 } },
  });
  if (lease.count === 0)
    throw new CheckoutRefusedError("CONFLICT", `cannot rotate: the checkout is ${checkout.status}, or another worker is rotating it`);

  const credential = await getCredential(db, checkout.credentialId);
  let changed: CredentialSecrets = {};
  let failure: string | null = null;
  let bug: unknown = null;
  try {
    const current = await readCredentialSecrets(db, credential.id);
    changed = await rotateIamCredential(
      clientsFor(credential.accountId),
      { iamUserName: credential.iamUserName, hasPassword: credential.hasPassword, current },
      options,
    );
  } catch (error) {
    if (error instanceof RotationFailure) {
      changed = error.partial;
      failure = error.message;
    } else {
      // Not IAM's refusal but a fault of ours: still recorded as pending (never safe), then rethrown.
      failure = `rotation stopped: ${describeAwsError(error)}`;
      bug = error;
    }
  }

  const stored = await db.$transaction(
    async (tx) => {
      const event = failure
        ? ({ type: "rotation-failed", at: new Date(), error: failure } as const)
        : ({ type: "rotation-succeeded", at: new Date() } as const);
      const result = await applyCheckoutEvent(tx, checkoutId, event, { actor: ROTATION_ACTOR }, async () => {
        if (hasSecret(changed)) await replaceCredentialSecrets(tx, credential.id, changed, { audit: { actor: ROTATION_ACTOR } });
        return {
          value: undefined,
          detail: {
            passwordChanged: changed.password !== undefined,
            newAccessKeyId: changed.accessKeyId ?? null,
            oldAccessKeyId: credential.accessKeyId,
          },
        };
      });
      return result.checkout;
    },
    { timeout: TX_TIMEOUT_MS },
  );
  if (bug) throw bug;
  return stored;
}
