import type { Rng } from "./prng";

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const HEX = "0123456789abcdef";
const ALNUM_LOWER = "abcdefghijklmnopqrstuvwxyz0123456789";
const SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function draw(rng: Rng, alphabet: string, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(rng.next() * alphabet.length)];
  return out;
}

export const hexId = (rng: Rng, length: number): string => draw(rng, HEX, length);
export const lowerAlnum = (rng: Rng, length: number): string => draw(rng, ALNUM_LOWER, length);

/** IAM unique ids are 21 characters: a 4-letter type prefix (AROA, AIDA, ANPA…) then base32. */
export const iamUniqueId = (rng: Rng, prefix: string): string => prefix + draw(rng, BASE32, 17);

/** Access key ids are 20 characters: AKIA (long-term) or ASIA (STS) then base32. */
export const accessKeyId = (rng: Rng, prefix: "AKIA" | "ASIA"): string => prefix + draw(rng, BASE32, 16);

export const secretAccessKey = (rng: Rng): string => draw(rng, SECRET_ALPHABET, 40);

export const uuid = (rng: Rng): string => {
  const h = hexId(rng, 32);
  const variant = HEX[8 + Math.floor(rng.next() * 4)];
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20)}`;
};

/** 12 digits, never a leading zero (AWS accounts may have one, but it makes ids look like numbers). */
export const accountId = (rng: Rng): string => String(rng.int(1, 9)) + draw(rng, "0123456789", 11);

/** Identity Store principal ids look like `<10 hex>-<uuid>`. */
export const identityStorePrincipalId = (rng: Rng, storePrefix: string): string => `${storePrefix}-${uuid(rng)}`;
