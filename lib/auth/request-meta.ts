import { CLIENT_ADDRESS_HEADER, normalizeAddress } from "../client-address";

/** Who is asking, as far as the request tells: recorded on AuthEvents. */
export type RequestMeta = { ip: string | null; userAgent: string | null };

export const NO_REQUEST_META: RequestMeta = { ip: null, userAgent: null };

/**
 * The client address Vigil's web server resolved from the socket (and trusted proxies only), the
 * same one better-auth's rate limits key on. X-Forwarded-For is never read here: a client writes
 * it. Behind a server that does not set the header (`next dev`), the address is unknown (null).
 */
export function requestMetaFrom(headers: Headers | undefined | null): RequestMeta {
  if (!headers) return NO_REQUEST_META;
  const resolved = headers.get(CLIENT_ADDRESS_HEADER);
  const ip = resolved ? normalizeAddress(resolved) : null;
  const userAgent = headers.get("user-agent")?.slice(0, 512) ?? null;
  return { ip, userAgent };
}
