import { randomBytes } from "node:crypto";

/** What anyone may see of a credential: never a secret, never ciphertext. */
export type BreakglassCredentialSummary = {
  id: string;
  accountId: string;
  iamUserName: string;
  hasPassword: boolean;
  accessKeyId: string | null;
  mfaNote: string | null;
  maxCheckoutMinutes: number;
  createdAt: Date;
  rotatedAt: Date | null;
};

/** An explicit select: the secret rows contribute only which fields exist. */
export const CREDENTIAL_SUMMARY_SELECT = {
  id: true,
  accountId: true,
  iamUserName: true,
  accessKeyId: true,
  mfaNote: true,
  maxCheckoutMinutes: true,
  createdAt: true,
  rotatedAt: true,
  secrets: { select: { field: true } },
} as const;

type SummaryRow = Omit<BreakglassCredentialSummary, "hasPassword"> & { secrets: { field: string }[] };

export function toCredentialSummary(row: SummaryRow): BreakglassCredentialSummary {
  return {
    id: row.id,
    accountId: row.accountId,
    iamUserName: row.iamUserName,
    hasPassword: row.secrets.some((secret) => secret.field === "PASSWORD"),
    accessKeyId: row.accessKeyId,
    mfaNote: row.mfaNote,
    maxCheckoutMinutes: row.maxCheckoutMinutes,
    createdAt: row.createdAt,
    rotatedAt: row.rotatedAt,
  };
}

const ID_ALPHABET = "0123456789abcdefghijklmnopqrstuv";

/**
 * Chosen before the row exists because the secrets' associated data binds the id: the data keys are
 * made (a KMS call) before the transaction opens. Shaped like Prisma's cuid(): `c` + 24 characters.
 */
export function newCredentialId(): string {
  return `c${Array.from(randomBytes(24), (byte) => ID_ALPHABET[byte % 32]).join("")}`;
}
