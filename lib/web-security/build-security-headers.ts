export type SecurityHeaderInput = {
  /** Fresh for every response; allows Next's own scripts and nothing injected. */
  nonce: string;
  /** The public origin is https (VIGIL_BASE_URL): browsers are told to never use plain http. */
  isHttps: boolean;
  /** `next dev` rebuilds server errors in the browser with eval. */
  isDevelopment: boolean;
};

const ONE_YEAR_SECONDS = 31_536_000;

/** The headers every Vigil response carries, pages, API routes and static files alike. */
export function buildSecurityHeaders(input: SecurityHeaderInput): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": buildContentSecurityPolicy(input),
    "X-Content-Type-Options": "nosniff",
    // `same-origin`, not `no-referrer`: the latter makes browsers send `Origin: null` on same-site
    // form posts, which the CSRF origin checks then refuse. Console URLs (ARNs in filters) stay in.
    "Referrer-Policy": "same-origin",
    // For browsers that predate CSP's frame-ancestors.
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  };
  if (input.isHttps) headers["Strict-Transport-Security"] = `max-age=${ONE_YEAR_SECONDS}; includeSubDomains`;
  return headers;
}

function buildContentSecurityPolicy({ nonce, isHttps, isDevelopment }: SecurityHeaderInput): string {
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic': the nonced bootstrap may load Next's chunks; no host allow-list to bypass.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ""}`,
    // React style={...} attributes (recharts positions its tooltip and axes with them) cannot carry a
    // nonce, and a nonce in style-src would disable 'unsafe-inline'; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (isHttps) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}
