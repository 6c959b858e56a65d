import { createHash } from "node:crypto";
import { aesGcmDecrypt, aesGcmEncrypt, DATA_KEY_BYTES, dataKeyAad, newDataKey, packSealed, unpackSealed } from "./envelope";
import type { DataKeyContext, GeneratedDataKey, KeyWrapper } from "./key-wrapper";

export const MASTER_KEY_REF_PREFIX = "master:";

/** 32 bytes from 64 hex digits or base64 (standard or URL alphabet); lib/env.ts has already checked the shape. */
export function decodeMasterKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "base64");
  if (key.length !== DATA_KEY_BYTES || !/^([0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{43}=?)$/.test(trimmed)) {
    throw new Error("a vault master key is 32 bytes written as 64 hex digits or base64");
  }
  return key;
}

/**
 * Names a master key without revealing it: a domain-separated SHA-256, shortened. It tells which
 * key wrapped a row, so rewrap knows what to do and a wrong key is reported as such.
 */
export function masterKeyFingerprint(key: Buffer): string {
  return createHash("sha256").update("vigil-vault master key fingerprint\0").update(key).digest("hex").slice(0, 16);
}

/** Wraps data keys locally with AES-256-GCM under the master key, bound to (credential, field). */
export function masterKeyWrapper(key: Buffer): KeyWrapper {
  if (key.length !== DATA_KEY_BYTES) throw new Error("a vault master key is 32 bytes");
  const keyRef = `${MASTER_KEY_REF_PREFIX}${masterKeyFingerprint(key)}`;
  const wrap = (dataKey: Buffer, context: DataKeyContext) => ({
    wrapped: packSealed(aesGcmEncrypt(key, dataKey, dataKeyAad(context.credentialId, context.field))),
    keyRef,
  });
  return {
    label: `master key ${keyRef.slice(MASTER_KEY_REF_PREFIX.length)}`,
    currentKeyRef: async () => keyRef,
    async generateDataKey(context: DataKeyContext): Promise<GeneratedDataKey> {
      const plaintext = newDataKey();
      return { plaintext, ...wrap(plaintext, context) };
    },
    wrapDataKey: async (dataKey, context) => wrap(dataKey, context),
    canUnwrap: (ref) => ref === keyRef,
    async unwrap(wrapped: Buffer, ref: string, context: DataKeyContext): Promise<Buffer> {
      if (ref !== keyRef) throw new Error(`data key was wrapped by ${ref}, not ${keyRef}`);
      return aesGcmDecrypt(key, unpackSealed(wrapped), dataKeyAad(context.credentialId, context.field));
    },
  };
}
