import { getServerDatabase } from "@/lib/db";
import { env, EnvError } from "@/lib/env";
import { childLogger } from "@/lib/log";

/**
 * Web server start-up: bad settings stop the server now, one line per setting, instead of failing
 * on some later request; the database is resolved and migrated before the first page needs it.
 */
export async function registerNodeServer(): Promise<void> {
  try {
    env();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
  // Not fatal: a database that is down at boot is reported by /api/health (503) and retried per request.
  await getServerDatabase().catch((error: unknown) => childLogger("web").error({ err: error }, "database not ready at start-up"));
}
