/**
 * IAM returns policy documents URL-encoded per RFC 3986 (`*` → `%2A`); encodeURIComponent leaves
 * `!'()*` alone, so those are escaped by hand to match what AWS sends.
 */
export const encodePolicyDocument = (text: string): string =>
  encodeURIComponent(text).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
