const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

/** Integration and e2e setups create and drop databases: refuse anything but a local server. */
export function assertLocalDatabase(databaseUrl: string): void {
  const host = new URL(databaseUrl).hostname;
  if (!LOCAL_HOSTS.has(host)) {
    throw new Error(`refusing to run tests against non-local database host "${host}"; point DATABASE_URL at a local server`);
  }
}
