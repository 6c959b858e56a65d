const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isMutation(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/**
 * CSRF defence for Vigil's own route handlers: a state-changing request must come from a page of
 * this origin. Browsers send Origin on every cross-origin and same-origin POST; Sec-Fetch-Site is
 * the fallback. A request carrying neither is refused (fail closed): the UI always sends them.
 */
export function isSameOriginRequest(headers: Headers, baseUrl: string): boolean {
  const expected = new URL(baseUrl).origin;
  const origin = headers.get("origin");
  if (origin && origin !== "null") return origin === expected;
  const site = headers.get("sec-fetch-site");
  return site === "same-origin";
}
