import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { poolConfigFromUrl } from "./pg-config";

export { PrismaClient };
export type TransactionClient = Omit<
  PrismaClient,
  "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends"
>;
/** What lib functions take: the client or a transaction, so calls compose in one $transaction. */
export type Db = PrismaClient | TransactionClient;

export function createDb(databaseUrl: string, options: { maxConnections?: number } = {}): PrismaClient {
  const adapter = new PrismaPg(poolConfigFromUrl(databaseUrl, { max: options.maxConnections ?? 10 }));
  return new PrismaClient({ adapter });
}
