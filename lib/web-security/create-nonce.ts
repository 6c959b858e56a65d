/** 128 random bits, base64: a CSP nonce an attacker cannot guess (Web Crypto, as proxy code runs it). */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
