import type { PrismaClient } from "../../db";
import type { SimServer } from "../../sim";
import { registerCredential } from "../../vault";
import { approveCheckout, returnCheckout } from "../checkout-actions";
import type { CheckoutUser } from "../checkout-user";
import { requestCheckout } from "../request-checkout";
import { revealCheckout } from "../reveal-checkout";

/**
 * A break-glass IAM user created in the simulator (console password, MFA, one access key) and
 * registered in the vault, then checked out by `operator`, approved by `approver`, revealed and
 * returned: its rotation is due.
 */
export async function returnedCheckout(
  db: PrismaClient,
  sim: SimServer,
  input: { accountId: string; operator: CheckoutUser; approver: CheckoutUser; userNamePrefix?: string },
) {
  const userName = `${input.userNamePrefix ?? "breakglass"}-${Math.random().toString(36).slice(2, 8)}`;
  const { accessKey } = sim.admin.addIamUser(input.accountId, { userName, consolePassword: true, mfa: true, withAccessKey: true });
  const oldKey = { accessKeyId: accessKey!.accessKeyId, secretAccessKey: accessKey!.secretAccessKey };
  const credential = await registerCredential(
    db,
    { accountId: input.accountId, iamUserName: userName, maxCheckoutMinutes: 60, password: "Old-Console-Password-1!", ...oldKey },
    { actor: { type: "system", name: "test" } },
  );
  const checkout = await requestCheckout(db, input.operator, {
    credentialId: credential.id,
    reason: "outage",
    reference: "INC-1",
    durationMinutes: 30,
  });
  await approveCheckout(db, input.approver, checkout.id);
  await revealCheckout(db, input.operator, checkout.id);
  await returnCheckout(db, input.operator, checkout.id);
  return { checkoutId: checkout.id, credentialId: credential.id, userName, oldKey };
}
