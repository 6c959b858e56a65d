import { aesGcmDecrypt, aesGcmEncrypt, secretAad, type SecretField } from "./envelope";
import type { CredentialSecrets } from "./credential-input";
import { unwrapDataKey, type VaultKeyring } from "./vault-keyring";
import { secretUnreadable } from "./vault-errors";

/** A VaultSecret row's encrypted columns. */
export type SealedSecretRow = {
  field: SecretField;
  ciphertext: Uint8Array<ArrayBuffer>;
  iv: Uint8Array<ArrayBuffer>;
  authTag: Uint8Array<ArrayBuffer>;
  wrappedDataKey: Uint8Array<ArrayBuffer>;
  keyRef: string;
};

const bytes = (buffer: Buffer): Uint8Array<ArrayBuffer> => new Uint8Array(buffer);

/** Encrypts one secret under a fresh data key wrapped by the keyring's current key. */
export async function sealSecret(
  keyring: VaultKeyring,
  credentialId: string,
  field: SecretField,
  plaintext: string,
): Promise<SealedSecretRow> {
  const dataKey = await keyring.current.generateDataKey({ credentialId, field });
  try {
    const sealed = aesGcmEncrypt(dataKey.plaintext, Buffer.from(plaintext, "utf8"), secretAad(credentialId, field));
    return {
      field,
      ciphertext: bytes(sealed.ciphertext),
      iv: bytes(sealed.iv),
      authTag: bytes(sealed.authTag),
      wrappedDataKey: bytes(dataKey.wrapped),
      keyRef: dataKey.keyRef,
    };
  } finally {
    dataKey.plaintext.fill(0);
  }
}

/** The rows for the secrets given (a password, a secret access key, or both). */
export async function sealSecrets(keyring: VaultKeyring, credentialId: string, secrets: CredentialSecrets): Promise<SealedSecretRow[]> {
  const rows: SealedSecretRow[] = [];
  if (secrets.password) rows.push(await sealSecret(keyring, credentialId, "PASSWORD", secrets.password));
  if (secrets.secretAccessKey) rows.push(await sealSecret(keyring, credentialId, "SECRET_ACCESS_KEY", secrets.secretAccessKey));
  return rows;
}

/** Decrypts one stored secret; fails when anything about it was altered or moved. */
export async function openSecret(
  keyring: VaultKeyring,
  credentialId: string,
  row: Pick<SealedSecretRow, "field" | "ciphertext" | "iv" | "authTag" | "wrappedDataKey" | "keyRef">,
): Promise<string> {
  const dataKey = await unwrapDataKey(keyring, row, { credentialId, field: row.field });
  try {
    const plaintext = aesGcmDecrypt(
      dataKey,
      { ciphertext: Buffer.from(row.ciphertext), iv: Buffer.from(row.iv), authTag: Buffer.from(row.authTag) },
      secretAad(credentialId, row.field),
    );
    return plaintext.toString("utf8");
  } catch {
    throw secretUnreadable(credentialId, row.field);
  } finally {
    dataKey.fill(0);
  }
}
