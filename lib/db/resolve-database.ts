import path from "node:path";
import { env } from "../env";
import { childLogger } from "../log";
import { startEmbeddedPostgres } from "./embedded-postgres";

export type ResolvedDatabase = {
  url: string;
  source: "DATABASE_URL" | "embedded";
  stop(): Promise<void>;
};

/**
 * Every entry point (web, worker, CLI, tests) finds its database here: DATABASE_URL when set,
 * otherwise the embedded Postgres under VIGIL_DATA_DIR, started on demand.
 */
export async function resolveDatabase(
  options: { onLog?: (line: string) => void; onNotice?: (message: string) => void } = {},
): Promise<ResolvedDatabase> {
  const settings = env();
  if (settings.DATABASE_URL) {
    return { url: settings.DATABASE_URL, source: "DATABASE_URL", stop: async () => {} };
  }
  const log = childLogger("embedded-postgres");
  const embedded = await startEmbeddedPostgres(path.resolve(settings.VIGIL_DATA_DIR), {
    onNotice: (message) => log.warn(message),
    ...options,
  });
  return { url: embedded.url, source: "embedded", stop: embedded.stop };
}
