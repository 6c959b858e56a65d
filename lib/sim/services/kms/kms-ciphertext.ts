import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { AwsError } from "../../protocol/aws-error";
import type { KmsKey } from "./kms-keys";

/**
 * The simulator's ciphertext blob: a magic, the key id (so Decrypt needs no KeyId, as with KMS),
 * then AES-256-GCM under the key's material with the encryption context as associated data.
 */
const MAGIC = Buffer.from("VSK1", "ascii");
const KEY_ID_BYTES = 36;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = MAGIC.length + KEY_ID_BYTES + IV_BYTES + TAG_BYTES;

export const invalidCiphertext = () => new AwsError("InvalidCiphertextException", "", 400);

/** KMS compares encryption contexts as exact, case-sensitive maps: order does not matter, content does. */
function contextAad(context: Record<string, string>): Buffer {
  const sorted = Object.keys(context)
    .sort()
    .map((key) => [key, context[key]]);
  return Buffer.from(JSON.stringify(sorted), "utf8");
}

export function encryptBlob(key: KmsKey, plaintext: Buffer, context: Record<string, string>): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key.material, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(contextAad(context));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([MAGIC, Buffer.from(key.keyId.padEnd(KEY_ID_BYTES), "ascii"), iv, cipher.getAuthTag(), ciphertext]);
}

/** The key id a blob names, or undefined when it is not one of the simulator's blobs. */
export function blobKeyId(blob: Buffer): string | undefined {
  if (blob.length <= HEADER_BYTES || !blob.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  return blob
    .subarray(MAGIC.length, MAGIC.length + KEY_ID_BYTES)
    .toString("ascii")
    .trimEnd();
}

export function decryptBlob(key: KmsKey, blob: Buffer, context: Record<string, string>): Buffer {
  const ivStart = MAGIC.length + KEY_ID_BYTES;
  const decipher = createDecipheriv("aes-256-gcm", key.material, blob.subarray(ivStart, ivStart + IV_BYTES), { authTagLength: TAG_BYTES });
  decipher.setAAD(contextAad(context));
  decipher.setAuthTag(blob.subarray(ivStart + IV_BYTES, HEADER_BYTES));
  try {
    return Buffer.concat([decipher.update(blob.subarray(HEADER_BYTES)), decipher.final()]);
  } catch {
    throw invalidCiphertext();
  }
}
