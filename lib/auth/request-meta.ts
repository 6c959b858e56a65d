/** Who is asking, as far as the request tells: recorded on AuthEvents. */
export type RequestMeta = { ip: string | null; userAgent: string | null };

export const NO_REQUEST_META: RequestMeta = { ip: null, userAgent: null };

/**
 * The client address from the first hop a reverse proxy recorded. It is informational (audit
 * trail), never an authorization input, so a spoofed header only mislabels the event.
 */
export function requestMetaFrom(headers: Headers | undefined | null): RequestMeta {
  if (!headers) return NO_REQUEST_META;
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || headers.get("x-real-ip")?.trim() || null;
  const userAgent = headers.get("user-agent")?.slice(0, 512) ?? null;
  return { ip: ip ? ip.slice(0, 64) : null, userAgent };
}
