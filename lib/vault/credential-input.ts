import { z } from "zod";
import { ACCOUNT_ID } from "../aws";
import { zodIssueLines } from "../errors";
import { invalidCredential } from "./vault-errors";

/** IAM's rules (botocore iam userNameType, passwordType); the key formats of long-term IAM user keys. */
const IAM_USER_NAME = /^[\w+=,.@-]{1,64}$/;
const IAM_PASSWORD = /^[\t\n\r\u0020-\u00FF]{1,128}$/;
const ACCESS_KEY_ID = /^AKIA[A-Z0-9]{16}$/;
const SECRET_ACCESS_KEY = /^[A-Za-z0-9/+]{40}$/;

export const MAX_CHECKOUT_MINUTES_LIMIT = 24 * 60;
export const DEFAULT_MAX_CHECKOUT_MINUTES = 60;

// Messages never quote the value: it may be a secret.
const password = z
  .string()
  .regex(IAM_PASSWORD, "must be 1 to 128 characters (tab, newline or Latin-1), as IAM accepts for a console password");
const accessKeyId = z
  .string()
  .trim()
  .regex(ACCESS_KEY_ID, "must be an IAM user's access key id: AKIA followed by 16 capital letters or digits");
const secretAccessKey = z
  .string()
  .regex(SECRET_ACCESS_KEY, "must be 40 characters of letters, digits, / and +, as AWS issues secret access keys");

/** A key pair is whole or absent: an id without its secret (or the reverse) cannot be used or rotated. */
function refineKeyPair(value: { accessKeyId?: string | undefined; secretAccessKey?: string | undefined }, ctx: z.RefinementCtx) {
  if (Boolean(value.accessKeyId) !== Boolean(value.secretAccessKey)) {
    ctx.addIssue({
      code: "custom",
      path: [value.accessKeyId ? "secretAccessKey" : "accessKeyId"],
      message: "an access key id and its secret access key go together",
    });
  }
}

export const CREDENTIAL_SECRETS = z
  .object({ password: password.optional(), accessKeyId: accessKeyId.optional(), secretAccessKey: secretAccessKey.optional() })
  .strict()
  .superRefine(refineKeyPair);

/** Registration of a break-glass credential (the admin form and `vigil breakglass add`). */
export const REGISTER_CREDENTIAL_INPUT = z
  .object({
    accountId: z.string().trim().regex(ACCOUNT_ID, "must be a 12-digit AWS account id"),
    iamUserName: z.string().trim().regex(IAM_USER_NAME, "must be an IAM user name: 1 to 64 letters, digits and +=,.@_-"),
    mfaNote: z
      .string()
      .trim()
      .max(500, "must be at most 500 characters")
      .nullish()
      .transform((note) => note || null),
    maxCheckoutMinutes: z.coerce
      .number()
      .int("must be whole minutes")
      .min(5, "must be at least 5 minutes")
      .max(MAX_CHECKOUT_MINUTES_LIMIT, `must be at most ${MAX_CHECKOUT_MINUTES_LIMIT} minutes`)
      .default(DEFAULT_MAX_CHECKOUT_MINUTES),
    password: password.optional(),
    accessKeyId: accessKeyId.optional(),
    secretAccessKey: secretAccessKey.optional(),
  })
  .strict()
  .superRefine(refineKeyPair)
  .superRefine((value, ctx) => {
    if (!value.password && !value.secretAccessKey) {
      ctx.addIssue({ code: "custom", path: ["password"], message: "a credential needs a console password, an access key pair, or both" });
    }
  });

export type RegisterCredentialInput = z.input<typeof REGISTER_CREDENTIAL_INPUT>;
export type CredentialSecrets = { password?: string; accessKeyId?: string; secretAccessKey?: string };

export function parseCredentialInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input);
  if (!result.success) throw invalidCredential(zodIssueLines(result.error).join("; "));
  return result.data;
}
