import { recordAudit } from "../audit";
import type { PrismaClient } from "../db";
import { parseCredentialInput, REGISTER_CREDENTIAL_INPUT, type RegisterCredentialInput } from "./credential-input";
import { CREDENTIAL_SUMMARY_SELECT, newCredentialId, toCredentialSummary, type BreakglassCredentialSummary } from "./credential-summary";
import { sealSecrets } from "./seal-secrets";
import { credentialTarget, type VaultAuditContext } from "./vault-audit";
import { credentialExists } from "./vault-errors";
import { vaultKeyring } from "./vault-keyring-from-env";
import type { VaultKeyring } from "./vault-keyring";

const isUniqueViolation = (error: unknown) => (error as { code?: unknown } | null)?.code === "P2002";

/**
 * Stores a break-glass credential with its secrets envelope-encrypted, and the audit entry saying
 * who registered it, in one transaction. The data keys are made first (a KMS call must not hold a
 * transaction open); a refused registration leaves nothing behind.
 */
export async function registerCredential(
  db: PrismaClient,
  input: RegisterCredentialInput,
  audit: VaultAuditContext,
  keyring: VaultKeyring = vaultKeyring(),
): Promise<BreakglassCredentialSummary> {
  const credential = parseCredentialInput(REGISTER_CREDENTIAL_INPUT, input);
  const id = newCredentialId();
  const secrets = await sealSecrets(keyring, id, credential);
  try {
    return await db.$transaction(
      async (tx) => {
        const row = await tx.breakglassCredential.create({
          data: {
            id,
            accountId: credential.accountId,
            iamUserName: credential.iamUserName,
            mfaNote: credential.mfaNote,
            maxCheckoutMinutes: credential.maxCheckoutMinutes,
            accessKeyId: credential.accessKeyId ?? null,
            secrets: { create: secrets },
          },
          select: CREDENTIAL_SUMMARY_SELECT,
        });
        const summary = toCredentialSummary(row);
        await recordAudit(tx, {
          actor: audit.actor,
          action: "breakglass.credential_registered",
          target: credentialTarget(summary),
          detail: {
            accountId: summary.accountId,
            iamUserName: summary.iamUserName,
            hasPassword: summary.hasPassword,
            accessKeyId: summary.accessKeyId,
            mfaNote: summary.mfaNote,
            maxCheckoutMinutes: summary.maxCheckoutMinutes,
            keyRefs: [...new Set(secrets.map((secret) => secret.keyRef))],
          },
          requestId: audit.requestId,
          clientAddress: audit.clientAddress,
        });
        return summary;
      },
      { maxWait: 10_000, timeout: 15_000 },
    );
  } catch (error) {
    if (isUniqueViolation(error)) throw credentialExists(credential.accountId, credential.iamUserName);
    throw error;
  }
}
