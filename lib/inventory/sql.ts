import { empty, join, raw, sqltag as sql, type Sql } from "@prisma/client/runtime/client";
import type { Prisma } from "../db";

type EntityKind = Prisma.EntityKind;

export { empty, join, raw, sql, type Sql };

/**
 * "As of snapshot S": the version of `alias` that S saw. Versions are valid from their first
 * snapshot (inclusive) until the snapshot that closed them (exclusive), so this picks exactly one
 * version per natural key and served by the (kind, validFrom) / (kind, validTo) indexes.
 */
export function asOf(alias: string, snapshotId: number): Sql {
  const a = raw(`"${alias}"`);
  return sql`${a}."validFrom" <= ${snapshotId} AND (${a}."validTo" IS NULL OR ${a}."validTo" > ${snapshotId})`;
}

export function ofKind(alias: string, kind: EntityKind): Sql {
  return sql`${raw(`"${alias}"`)}.kind = ${kind}::"EntityKind"`;
}

/** Both together: the rows of one kind visible in one snapshot. */
export function visible(alias: string, kind: EntityKind, snapshotId: number): Sql {
  return sql`${ofKind(alias, kind)} AND ${asOf(alias, snapshotId)}`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A case-insensitive "contains" pattern; LIKE wildcards typed by the user match literally. */
export function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`;
}

/** Everything strictly below a `/`-separated path, e.g. the OUs nested under `Root/Workloads`. */
export function childrenPattern(path: string): string {
  return `${escapeLike(path)}/%`;
}

export function whereAll(conditions: Sql[]): Sql {
  return conditions.length ? sql`WHERE ${join(conditions, " AND ")}` : empty;
}

/** Length of a JSON array; NULL (not an error) when the value is null or absent. */
export function arrayLength(value: Sql): Sql {
  return sql`CASE WHEN jsonb_typeof(${value}) = 'array' THEN jsonb_array_length(${value}) END`;
}
