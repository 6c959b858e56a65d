/**
 * lib/client-address: who is on the other end of a request. The web server resolves it from the
 * socket (believing X-Forwarded-For only from VIGIL_TRUSTED_PROXIES) and stamps it in one header;
 * rate limits, throttles and audit entries read only that header.
 */
export {
  CLIENT_ADDRESS_HEADER,
  isTrustedProxy,
  normalizeAddress,
  parseTrustedProxies,
  resolveClientAddress,
  throttleAddressOf,
  type ClientAddressInput,
  type TrustedProxies,
} from "./client-address";
