import { createHmac, timingSafeEqual } from "node:crypto";
import { generateRandomString, symmetricDecrypt, symmetricEncrypt, type SecretConfig } from "better-auth/crypto";

export const TOTP_ISSUER = "Vigil";
// better-auth's twoFactor verify-totp defaults (create-auth.ts sets none of them): 30-second steps,
// six digits, and the current step plus one either side accepted.
const PERIOD_SECONDS = 30;
const DIGITS = 6;
const WINDOW_STEPS = 1;
/** better-auth's marker for secrets imported from other providers (plugins/two-factor/totp). */
const BASE32_PREFIX = "base32:";
const BASE32_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/**
 * A TOTP secret in better-auth's own format: 32 random characters whose UTF-8 bytes are the HMAC
 * key (twoFactor plugin, enable endpoint). Authenticator apps receive those bytes in base32.
 */
export function generateTotpSecret(): string {
  return generateRandomString(32);
}

/** Encrypted exactly as the twoFactor plugin stores it, so its verify-totp endpoint can read it. */
export function encryptTotpSecret(secret: string, authSecret: string): Promise<string> {
  return symmetricEncrypt({ key: authSecret, data: secret });
}

/**
 * The HMAC key behind a stored (encrypted) TOTP secret, decrypted and decoded exactly as the
 * twoFactor plugin's verify-totp does; `key` is better-auth's `ctx.context.secretConfig`.
 */
export async function decryptTotpKey(encrypted: string, key: string | SecretConfig): Promise<Uint8Array> {
  const secret = await symmetricDecrypt({ key, data: encrypted });
  if (secret.startsWith(BASE32_PREFIX)) return base32Decode(secret.slice(BASE32_PREFIX.length));
  return new TextEncoder().encode(secret);
}

export function totpStepAt(at: Date): number {
  return Math.floor(at.getTime() / 1000 / PERIOD_SECONDS);
}

/**
 * The time step whose code `code` is, among the steps better-auth's verify-totp accepts at any
 * moment from `from` to `to` (the current step and WINDOW_STEPS either side); null if none. Every
 * candidate is compared, in constant time, so timing does not tell which step matched.
 */
export function matchTotpStep(key: Uint8Array, code: string, from: Date, to: Date = from): number | null {
  if (!/^\d+$/.test(code) || code.length !== DIGITS) return null;
  const given = Buffer.from(code);
  let matched: number | null = null;
  for (let step = totpStepAt(from) - WINDOW_STEPS; step <= totpStepAt(to) + WINDOW_STEPS; step++) {
    // A code that collides across two steps counts as the later one: the stricter claim.
    if (timingSafeEqual(Buffer.from(hotp(key, step)), given)) matched = step;
  }
  return matched;
}

function hotp(key: Uint8Array, counter: number): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const digest = createHmac("sha1", key).update(message).digest();
  const offset = digest[digest.length - 1]! & 15;
  const binary = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** DIGITS).padStart(DIGITS, "0");
}

export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let output = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      output += BASE32_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) output += BASE32_ALPHABET[(value << (5 - bits)) & 31];
  return output;
}

export function base32Decode(text: string): Buffer {
  const clean = text.replace(/=+$/, "").replace(/\s+/g, "").toUpperCase();
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const char of clean) {
    const index = BASE32_ALPHABET.indexOf(char);
    if (index < 0) throw new Error("invalid base32 character");
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** The secret as an authenticator app wants it typed in. */
export function totpSecretForApps(secret: string): string {
  return base32Encode(new TextEncoder().encode(secret));
}

export function otpauthUri(secret: string, accountName: string): string {
  const label = `${encodeURIComponent(TOTP_ISSUER)}:${encodeURIComponent(accountName)}`;
  const params = new URLSearchParams({
    secret: totpSecretForApps(secret),
    issuer: TOTP_ISSUER,
    digits: String(DIGITS),
    period: String(PERIOD_SECONDS),
  });
  return `otpauth://totp/${label}?${params.toString()}`;
}

/** RFC 6238 code for a base32 secret (what an authenticator app shows); used by tests and e2e. */
export function totpCode(base32Secret: string, at: Date = new Date()): string {
  return hotp(base32Decode(base32Secret), totpStepAt(at));
}
