import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

export const DATA_KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The two secrets a credential can hold, in the names the database uses. */
export type SecretField = "PASSWORD" | "SECRET_ACCESS_KEY";

/** One secret encrypted under its own data key; the data key itself is stored only wrapped (key-wrapper.ts). */
export type SealedSecret = { ciphertext: Buffer; iv: Buffer; authTag: Buffer };

/**
 * GCM associated data: the ciphertext authenticates only as this credential's this field, so a
 * ciphertext copied onto another row or field fails to decrypt instead of revealing the wrong secret.
 */
export function secretAad(credentialId: string, field: SecretField): Buffer {
  return Buffer.from(`vigil-vault/v1/secret/${credentialId}/${field}`, "utf8");
}

/** Associated data binding a wrapped data key to its credential and field (master-key wrapping). */
export function dataKeyAad(credentialId: string, field: SecretField): Buffer {
  return Buffer.from(`vigil-vault/v1/data-key/${credentialId}/${field}`, "utf8");
}

export function newDataKey(): Buffer {
  return randomBytes(DATA_KEY_BYTES);
}

export function aesGcmEncrypt(key: Buffer, plaintext: Buffer, aad: Buffer): SealedSecret {
  if (key.length !== DATA_KEY_BYTES) throw new Error(`an AES-256 key is ${DATA_KEY_BYTES} bytes, not ${key.length}`);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { ciphertext, iv, authTag: cipher.getAuthTag() };
}

/** Throws when the key, the associated data, or any byte of the sealed secret differs from what was encrypted. */
export function aesGcmDecrypt(key: Buffer, sealed: SealedSecret, aad: Buffer): Buffer {
  if (key.length !== DATA_KEY_BYTES) throw new Error(`an AES-256 key is ${DATA_KEY_BYTES} bytes, not ${key.length}`);
  if (sealed.iv.length !== IV_BYTES || sealed.authTag.length !== TAG_BYTES) throw new Error("malformed IV or authentication tag");
  const decipher = createDecipheriv("aes-256-gcm", key, sealed.iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(sealed.authTag);
  return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]);
}

/** iv ‖ tag ‖ ciphertext: a data key wrapped by the master key, stored as one column. */
export function packSealed(sealed: SealedSecret): Buffer {
  return Buffer.concat([sealed.iv, sealed.authTag, sealed.ciphertext]);
}

export function unpackSealed(packed: Buffer): SealedSecret {
  if (packed.length <= IV_BYTES + TAG_BYTES) throw new Error("wrapped data key is too short");
  return {
    iv: packed.subarray(0, IV_BYTES),
    authTag: packed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES),
    ciphertext: packed.subarray(IV_BYTES + TAG_BYTES),
  };
}
