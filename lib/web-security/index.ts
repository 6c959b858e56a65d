/** Browser-facing hardening: the headers every response carries and the per-request CSP nonce. */
export { buildSecurityHeaders, type SecurityHeaderInput } from "./build-security-headers";
export { createNonce } from "./create-nonce";
