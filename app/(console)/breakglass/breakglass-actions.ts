import { z } from "zod";
import { getServerAuth, type RequestMeta } from "@/lib/auth";
import { userActor } from "@/lib/audit";
import {
  approveCheckout,
  cancelCheckout,
  declareEmergency,
  denyCheckout,
  requestCheckout,
  returnCheckout,
  revealCheckout,
  reviewCheckout,
  type RequestContext,
  type StoredCheckout,
} from "@/lib/breakglass";
import { registerCredential, REGISTER_CREDENTIAL_INPUT, type CredentialSecrets } from "@/lib/vault";
import { defineAction } from "../_actions/define-action";

/** What the break-glass forms show after a success; only the reveal carries a secret, once. */
export type BreakglassResult = {
  message: string;
  checkoutId?: string;
  /** what the step left behind, for the follow-up jobs started once it committed (actions.ts) */
  followUp?: Pick<StoredCheckout, "status" | "nextRotationAt">;
  revealed?: { secrets: CredentialSecrets; iamUserName: string; accountId: string; expiresAt: string | null };
};

const REVALIDATE = ["/breakglass", "/"] as const;
const CHECKOUT_ID = z.object({ checkoutId: z.string().trim().min(1, "a checkout id is required").max(100) });
const TOTP_CODE = z
  .string({ error: "a TOTP code is required" })
  .trim()
  .regex(/^\d{6}$/, "the TOTP code must be 6 digits");
const REGISTER_FIELDS = [
  "accountId",
  "iamUserName",
  "mfaNote",
  "maxCheckoutMinutes",
  "password",
  "accessKeyId",
  "secretAccessKey",
] as const;

const context = (requestId: string, meta: RequestMeta): RequestContext => ({ requestId, clientAddress: meta.ip });
const followUpOf = (checkout: StoredCheckout) => ({ status: checkout.status, nextRotationAt: checkout.nextRotationAt });

async function emergencyProof(totpCode: string) {
  const { settings } = await getServerAuth();
  return { totpCode, authSecret: settings.secret };
}

/** Only the credential's own fields reach the vault's strict schema (Next adds `$ACTION_…` fields to forms). */
const REGISTER_INPUT = z.preprocess(
  (value) =>
    value && typeof value === "object"
      ? Object.fromEntries(Object.entries(value).filter(([key]) => (REGISTER_FIELDS as readonly string[]).includes(key)))
      : value,
  REGISTER_CREDENTIAL_INPUT,
);

export const registerBreakglassCredential = defineAction({
  name: "registerBreakglassCredential",
  permission: "vault:manage",
  input: REGISTER_INPUT,
  audit: { recordedBy: "audit-trail", action: "breakglass.credential_registered" },
  revalidate: REVALIDATE,
  handler: async ({ db, user, input, meta, requestId }): Promise<BreakglassResult> => {
    const credential = await registerCredential(db, input, { actor: userActor(user), requestId, clientAddress: meta.ip });
    return { message: `Registered ${credential.iamUserName} in account ${credential.accountId}.` };
  },
});

export const requestBreakglassCheckout = defineAction({
  name: "requestCheckout",
  permission: "checkout:request",
  input: z.object({
    credentialId: z.string({ error: "choose a credential" }).trim().min(1).max(100),
    reason: z.string({ error: "a reason is required" }).trim().min(1, "a reason is required").max(2000),
    reference: z.string({ error: "an incident or ticket reference is required" }).trim().min(1).max(200),
    durationMinutes: z.coerce.number({ error: "a duration in minutes is required" }).int("whole minutes").min(1),
    /** given: self-approve at once (emergency), with this TOTP re-entry */
    emergencyTotpCode: TOTP_CODE.optional(),
  }),
  audit: { recordedBy: "audit-trail", action: "checkout.requested" },
  revalidate: REVALIDATE,
  handler: async ({ db, user, input, meta, requestId }): Promise<BreakglassResult> => {
    const { emergencyTotpCode, ...request } = input;
    const emergency = emergencyTotpCode ? await emergencyProof(emergencyTotpCode) : undefined;
    const checkout = await requestCheckout(db, user, { ...request, emergency }, context(requestId, meta));
    return {
      message: checkout.isEmergency
        ? "Emergency checkout self-approved; every approver was notified."
        : "Requested; an approver must approve it.",
      checkoutId: checkout.id,
      followUp: followUpOf(checkout),
    };
  },
});

export const approveBreakglassCheckout = defineAction({
  name: "approveCheckout",
  permission: "checkout:approve",
  input: CHECKOUT_ID,
  audit: { recordedBy: "audit-trail", action: "checkout.approved" },
  revalidate: REVALIDATE,
  handler: async ({ db, user, input, meta, requestId }): Promise<BreakglassResult> => {
    const checkout = await approveCheckout(db, user, input.checkoutId, context(requestId, meta));
    return { message: `Approved for ${checkout.requesterName}.`, checkoutId: checkout.id, followUp: followUpOf(checkout) };
  },
});

export const denyBreakglassCheckout = defineAction({
  name: "denyCheckout",
  permission: "checkout:approve",
  input: CHECKOUT_ID.extend({ reason: z.string({ error: "a denial needs a reason" }).trim().min(1, "a denial needs a reason").max(2000) }),
  audit: { recordedBy: "audit-trail", action: "checkout.denied" },
  revalidate: REVALIDATE,
  handler: async ({ db, user, input, meta, requestId }): Promise<BreakglassResult> => {
    const checkout = await denyCheckout(db, user, input.checkoutId, input.reason, context(requestId, meta));
    return { message: "Denied.", checkoutId: checkout.id, followUp: followUpOf(checkout) };
  },
});

export const cancelBreakglassCheckout = defineAction({
  name: "cancelCheckout",
  permission: "checkout:request",
  input: CHECKOUT_ID,
  audit: { recordedBy: "audit-trail", action: "checkout.cancelled" },
  revalidate: REVALIDATE,
  handler: async ({ db, user, input, meta, requestId }): Promise<BreakglassResult> => {
    const checkout = await cancelCheckout(db, user, input.checkoutId, context(requestId, meta));
    return { message: "Cancelled.", checkoutId: checkout.id, followUp: followUpOf(checkout) };
  },
});

export const declareBreakglassEmergency = defineAction({
  name: "declareEmergency",
  permission: "checkout:request",
  input: CHECKOUT_ID.extend({ totpCode: TOTP_CODE }),
  audit: { recordedBy: "audit-trail", action: "checkout.emergency" },
  revalidate: REVALIDATE,
  handler: async ({ db, user, input, meta, requestId }): Promise<BreakglassResult> => {
    const checkout = await declareEmergency(db, user, input.checkoutId, await emergencyProof(input.totpCode), context(requestId, meta));
    return {
      message: "Emergency declared: self-approved, every approver notified, a review is mandatory.",
      checkoutId: checkout.id,
      followUp: followUpOf(checkout),
    };
  },
});

/** The one reveal: the secret travels in this action's response only, never in a page's HTML. */
export const revealBreakglassCheckout = defineAction({
  name: "revealCheckout",
  permission: "checkout:request",
  input: CHECKOUT_ID,
  audit: { recordedBy: "audit-trail", action: "checkout.revealed" },
  revalidate: REVALIDATE,
  handler: async ({ db, user, input, meta, requestId }): Promise<BreakglassResult> => {
    const revealed = await revealCheckout(db, user, input.checkoutId, context(requestId, meta));
    return {
      message: "Revealed once. Copy what you need now: it hides itself and cannot be shown again.",
      checkoutId: revealed.checkout.id,
      followUp: followUpOf(revealed.checkout),
      revealed: {
        secrets: revealed.secrets,
        iamUserName: revealed.iamUserName,
        accountId: revealed.accountId,
        expiresAt: revealed.checkout.expiresAt?.toISOString() ?? null,
      },
    };
  },
});

export const returnBreakglassCheckout = defineAction({
  name: "returnCheckout",
  permission: "checkout:request",
  input: CHECKOUT_ID,
  audit: { recordedBy: "audit-trail", action: "checkout.returned" },
  revalidate: REVALIDATE,
  handler: async ({ db, user, input, meta, requestId }): Promise<BreakglassResult> => {
    const checkout = await returnCheckout(db, user, input.checkoutId, context(requestId, meta));
    return { message: "Returned; the credential is being rotated.", checkoutId: checkout.id, followUp: followUpOf(checkout) };
  },
});

export const reviewBreakglassCheckout = defineAction({
  name: "reviewCheckout",
  permission: "checkout:approve",
  input: CHECKOUT_ID.extend({
    note: z.string({ error: "a review needs a note" }).trim().min(1, "a review needs a note").max(2000),
  }),
  audit: { recordedBy: "audit-trail", action: "checkout.reviewed" },
  revalidate: REVALIDATE,
  handler: async ({ db, user, input, meta, requestId }): Promise<BreakglassResult> => {
    const checkout = await reviewCheckout(db, user, input.checkoutId, input.note, context(requestId, meta));
    return { message: "Reviewed and signed off.", checkoutId: checkout.id, followUp: followUpOf(checkout) };
  },
});
