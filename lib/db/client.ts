import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { boundedPoolConfig, dbTimeoutsFromEnv, type DbTimeouts } from "./db-timeouts";
import { poolConfigFromUrl } from "./pg-config";

export { PrismaClient };
export type TransactionClient = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
/** What lib functions take: the client or a transaction, so calls compose in one $transaction. */
export type Db = PrismaClient | TransactionClient;

/** A Prisma client on its own pool; statement and connect timeouts default to the deployment's settings. */
export function createDb(databaseUrl: string, options: { maxConnections?: number; timeouts?: DbTimeouts } = {}): PrismaClient {
  const timeouts = options.timeouts ?? dbTimeoutsFromEnv();
  const adapter = new PrismaPg(poolConfigFromUrl(databaseUrl, { max: options.maxConnections ?? 10, ...boundedPoolConfig(timeouts) }));
  return new PrismaClient({ adapter });
}
