import type pg from "pg";
import { env } from "../env";

export type DbTimeouts = {
  /** Postgres statement_timeout: the server cancels a statement running longer */
  statementTimeoutMs: number;
  /** longest wait for a new connection (TCP and start-up) */
  connectTimeoutMs: number;
};

/** Client-side grace beyond statement_timeout before a query whose server went silent is given up. */
const MAX_QUERY_GRACE_MS = 5_000;

export function dbTimeoutsFromEnv(): DbTimeouts {
  const settings = env();
  return { statementTimeoutMs: settings.VIGIL_DB_STATEMENT_TIMEOUT_MS, connectTimeoutMs: settings.VIGIL_DB_CONNECT_TIMEOUT_MS };
}

/**
 * Pool settings that bound every wait. statement_timeout alone cannot help when the server (or the
 * network to it) stops answering, because it is the server that enforces it; query_timeout is the
 * client's own deadline for that case, set a little later so a live server's error wins.
 */
export function boundedPoolConfig(
  timeouts: DbTimeouts,
): Pick<pg.PoolConfig, "connectionTimeoutMillis" | "statement_timeout" | "query_timeout"> {
  return {
    connectionTimeoutMillis: timeouts.connectTimeoutMs,
    statement_timeout: timeouts.statementTimeoutMs,
    query_timeout: timeouts.statementTimeoutMs + Math.min(timeouts.statementTimeoutMs, MAX_QUERY_GRACE_MS),
  };
}
