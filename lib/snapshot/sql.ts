import { empty, join, raw, sqltag as sql, type Sql } from "@prisma/client/runtime/client";

/** Prisma's tagged SQL: interpolated values become bind parameters, `raw` is spliced as written. */
export { empty, join, raw, sql, type Sql };

export function whereAll(conditions: Sql[]): Sql {
  return conditions.length ? sql`WHERE ${join(conditions, " AND ")}` : empty;
}

/** Length of a JSON array; NULL (not an error) when the value is null or absent. */
export function arrayLength(value: Sql): Sql {
  return sql`CASE WHEN jsonb_typeof(${value}) = 'array' THEN jsonb_array_length(${value}) END`;
}

/** A table alias as an identifier; aliases are written by us, never taken from input. */
export function quoteAlias(alias: string): Sql {
  if (!/^[a-z_][a-z0-9_]*$/i.test(alias)) throw new Error(`not a table alias: ${alias}`);
  return raw(`"${alias}"`);
}
