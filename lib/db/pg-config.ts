import pg from "pg";
import { parse } from "pg-connection-string";

/**
 * Postgres reports "char" columns (pg_class.relkind, pg_constraint.contype, …) with OID 18, which
 * @prisma/adapter-pg cannot map; the schema engine's introspection reads them. Their values are
 * plain strings, so presenting them as text (OID 25) is lossless.
 */
const CHAR_OID = 18;
const TEXT_OID = 25;

function retypeCharColumns<T>(result: T): T {
  const results = Array.isArray(result) ? result : [result];
  for (const each of results as Array<pg.QueryResult | undefined>) {
    for (const field of each?.fields ?? []) {
      if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
    }
  }
  return result;
}

class CharAsTextClient extends pg.Client {}

const baseQuery = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;

// pg.Pool#query calls client.query with a trailing callback; direct callers get a promise. One
// implementation covers all of pg's overloads, so it is typed as the overloaded method it replaces.
CharAsTextClient.prototype.query = function query(this: pg.Client, ...args: unknown[]) {
  const last = args.at(-1);
  if (typeof last === "function") {
    args[args.length - 1] = (error: Error | null, result: unknown) =>
      (last as (e: Error | null, r: unknown) => void)(error, error ? result : retypeCharColumns(result));
  }
  const returned = baseQuery.apply(this, args);
  return returned instanceof Promise ? returned.then(retypeCharColumns) : returned;
} as typeof pg.Client.prototype.query;

/**
 * A pool config with discrete fields rather than a connectionString: @prisma/adapter-pg derives its
 * shadow database by overriding `database`, which node-postgres ignores when a connectionString is set.
 */
export function poolConfigFromUrl(databaseUrl: string, extra: pg.PoolConfig = {}): pg.PoolConfig {
  const parsed = parse(databaseUrl);
  return {
    host: parsed.host ?? undefined,
    port: parsed.port ? Number(parsed.port) : undefined,
    user: parsed.user ?? undefined,
    password: parsed.password ?? undefined,
    database: parsed.database ?? undefined,
    ssl: parsed.ssl as pg.PoolConfig["ssl"],
    ...extra,
  };
}

export function introspectionPoolConfig(databaseUrl: string, extra: pg.PoolConfig = {}): pg.PoolConfig {
  return poolConfigFromUrl(databaseUrl, { max: 2, Client: CharAsTextClient, ...extra });
}
