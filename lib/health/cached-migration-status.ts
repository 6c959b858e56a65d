import { getMigrationStatus, type MigrationStatus } from "../db";

const TTL_MS = 30_000;
const cache = new Map<string, { at: number; status: Promise<MigrationStatus> }>();

/**
 * getMigrationStatus boots Prisma's WASM schema engine (tens of milliseconds and a connection);
 * load balancers poll /api/health every few seconds, and migrations only change on deploy.
 */
export function getCachedMigrationStatus(databaseUrl: string, now = Date.now()): Promise<MigrationStatus> {
  const hit = cache.get(databaseUrl);
  if (hit && now - hit.at < TTL_MS) return hit.status;
  const status = getMigrationStatus(databaseUrl);
  cache.set(databaseUrl, { at: now, status });
  status.catch(() => cache.delete(databaseUrl));
  return status;
}
