import type { Db } from "../db";
import type { CredentialSecrets } from "./credential-input";
import { openSecret } from "./seal-secrets";
import { credentialNotFound } from "./vault-errors";
import { vaultKeyring } from "./vault-keyring-from-env";
import type { VaultKeyring } from "./vault-keyring";

/**
 * The plaintext secrets of one credential. Only lib/breakglass calls this: the one reveal to the
 * holder of an active checkout, and rotation. Whoever calls it audits the reveal; nothing here logs.
 */
export async function readCredentialSecrets(tx: Db, id: string, keyring: VaultKeyring = vaultKeyring()): Promise<CredentialSecrets> {
  const row = await tx.breakglassCredential.findUnique({
    where: { id },
    select: {
      accessKeyId: true,
      secrets: { select: { field: true, ciphertext: true, iv: true, authTag: true, wrappedDataKey: true, keyRef: true } },
    },
  });
  if (!row) throw credentialNotFound(id);
  const secrets: CredentialSecrets = {};
  for (const secret of row.secrets) {
    const plaintext = await openSecret(keyring, id, secret);
    if (secret.field === "PASSWORD") secrets.password = plaintext;
    else secrets.secretAccessKey = plaintext;
  }
  if (row.accessKeyId && secrets.secretAccessKey) secrets.accessKeyId = row.accessKeyId;
  return secrets;
}
