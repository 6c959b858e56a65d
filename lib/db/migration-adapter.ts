import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { introspectionPoolConfig } from "./pg-config";

/**
 * The driver-adapter factory the schema engine migrates through. Its shadow database (used to
 * replay the migration history when diffing) is dropped only after its pool is closed:
 * @prisma/adapter-pg drops it first, which Postgres refuses while connections remain.
 */
export function createMigrationAdapterFactory(
  databaseUrl: string,
  poolConfig: pg.PoolConfig = {},
): SqlMigrationAwareDriverAdapterFactory & { disposeAll(): Promise<void> } {
  const mainConfig = introspectionPoolConfig(databaseUrl, poolConfig);
  const mainFactory = new PrismaPg(mainConfig);
  // engine.free() does not dispose the adapters it connected; their pools would keep a connection
  // open (blocking DROP/RENAME DATABASE and leaking one per health check) until idle timeout.
  const connected: SqlDriverAdapter[] = [];
  return {
    provider: mainFactory.provider,
    adapterName: mainFactory.adapterName,
    connect: async () => {
      const adapter = await mainFactory.connect();
      connected.push(adapter);
      return adapter;
    },
    disposeAll: async () => {
      await Promise.all(connected.splice(0).map((adapter) => adapter.dispose().catch(() => {})));
    },
    async connectToShadowDb(): Promise<SqlDriverAdapter> {
      const shadowName = `vigil_shadow_${randomUUID().replaceAll("-", "")}`;
      await withAdminClient(mainConfig, (client) => client.query(`CREATE DATABASE "${shadowName}"`));
      const shadow = await new PrismaPg({ ...mainConfig, database: shadowName }).connect();
      const dispose = async () => {
        await shadow.dispose();
        await withAdminClient(mainConfig, (client) => client.query(`DROP DATABASE IF EXISTS "${shadowName}" WITH (FORCE)`));
      };
      return new Proxy(shadow, {
        get: (target, property, receiver) => (property === "dispose" ? dispose : Reflect.get(target, property, receiver)),
      });
    },
  };
}

async function withAdminClient<T>(config: pg.PoolConfig, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(config);
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
