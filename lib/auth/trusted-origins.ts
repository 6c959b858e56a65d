const LOOPBACK_HOSTS = ["localhost", "127.0.0.1", "[::1]"];

/**
 * Origins whose browser requests the auth endpoints accept. A loopback base URL (the demo, a
 * laptop) also accepts its other loopback spellings: opening http://127.0.0.1:3000 instead of the
 * printed http://localhost:3000 is the same machine and port, not a cross-site request.
 */
export function trustedOriginsFor(baseUrl: string): string[] {
  const base = new URL(baseUrl);
  if (!LOOPBACK_HOSTS.includes(base.hostname)) return [base.origin];
  return LOOPBACK_HOSTS.map((host) => `${base.protocol}//${host}${base.port ? `:${base.port}` : ""}`);
}
