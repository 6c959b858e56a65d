import { getServerDatabase } from "../db";
import { getCachedMigrationStatus } from "./cached-migration-status";
import { getHealth, HEALTH_CHECK_TIMEOUT_MS, unreachableHealth, type Health } from "./get-health";
import { childLogger } from "../log";
import { withDeadline } from "./with-deadline";

/**
 * The health of this server process's database, within a bounded time even when the database
 * cannot be reached at all: finding and migrating it at first use waits on connections too.
 */
export async function getServerHealth(timeoutMs = HEALTH_CHECK_TIMEOUT_MS): Promise<Health> {
  try {
    const { db, url } = await withDeadline(getServerDatabase(), timeoutMs, "database start-up");
    return await getHealth({ db, databaseUrl: url, migrationStatus: getCachedMigrationStatus, timeoutMs });
  } catch (error) {
    childLogger("health").warn({ err: error }, "database unavailable for the health check");
    return unreachableHealth();
  }
}
