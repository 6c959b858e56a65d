import { recordAudit, SYSTEM_ACTOR } from "../audit";
import type { Db } from "../db";
import { CREDENTIAL_SECRETS, parseCredentialInput, type CredentialSecrets } from "./credential-input";
import { sealSecrets } from "./seal-secrets";
import { credentialTarget, type VaultAuditContext } from "./vault-audit";
import { credentialNotFound, invalidCredential } from "./vault-errors";
import { vaultKeyring } from "./vault-keyring-from-env";
import type { VaultKeyring } from "./vault-keyring";

/**
 * Stores new secrets after a rotation, in the rotation's transaction: each secret given replaces its
 * field under a fresh data key (a new key pair replaces id and secret together); a field not given
 * is kept. Sets `rotatedAt` and appends `breakglass.credential_secrets_replaced` (no secret in it).
 * With KMS this makes one GenerateDataKey call per field inside the transaction: give the
 * transaction a timeout above VIGIL_AWS_TIMEOUT_MS.
 */
export async function replaceCredentialSecrets(
  tx: Db,
  id: string,
  secrets: CredentialSecrets,
  options: { audit?: VaultAuditContext; keyring?: VaultKeyring } = {},
): Promise<void> {
  const parsed = parseCredentialInput(CREDENTIAL_SECRETS, secrets);
  if (!parsed.password && !parsed.secretAccessKey)
    throw invalidCredential("no secret to store: give a password, an access key pair, or both");
  const credential = await tx.breakglassCredential.findUnique({ where: { id }, select: { id: true, accountId: true, iamUserName: true } });
  if (!credential) throw credentialNotFound(id);
  const sealed = await sealSecrets(options.keyring ?? vaultKeyring(), id, parsed);
  for (const row of sealed) {
    await tx.vaultSecret.upsert({
      where: { credentialId_field: { credentialId: id, field: row.field } },
      create: { credentialId: id, ...row },
      update: row,
    });
  }
  await tx.breakglassCredential.update({
    where: { id },
    data: { rotatedAt: new Date(), ...(parsed.accessKeyId ? { accessKeyId: parsed.accessKeyId } : {}) },
  });
  const audit = options.audit ?? { actor: SYSTEM_ACTOR };
  await recordAudit(tx, {
    actor: audit.actor,
    action: "breakglass.credential_secrets_replaced",
    target: credentialTarget(credential),
    detail: {
      fields: sealed.map((row) => row.field),
      accessKeyId: parsed.accessKeyId ?? null,
      keyRefs: [...new Set(sealed.map((row) => row.keyRef))],
    },
    requestId: audit.requestId,
    clientAddress: audit.clientAddress,
  });
}
