/**
 * Why `vigil demo` will not use the database DATABASE_URL names, or null when it may: the demo
 * writes a throwaway admin (reset on every start) and a simulated organization's inventory, which
 * do not belong in a real Vigil database. The embedded Postgres (DATABASE_URL unset) is always fine.
 */
export function refuseForeignDemoDatabase(input: { databaseUrl: string | undefined; isForced: boolean }): string | null {
  if (input.databaseUrl === undefined || input.isForced) return null;
  return (
    `vigil demo uses its own embedded Postgres, but DATABASE_URL is set (${describeDatabase(input.databaseUrl)}); ` +
    "unset it, or pass --force to add the demo admin and simulated AWS data to that database"
  );
}

/** Host, port and database name only: the URL's password never reaches the terminal. */
function describeDatabase(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}${parsed.port ? `:${parsed.port}` : ""}${parsed.pathname}`;
  } catch {
    return "an unparsable URL";
  }
}
