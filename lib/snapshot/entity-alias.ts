import type { EntityDataOf } from "./entity-data-by-kind";
import type { EntityKind } from "./entity-kinds";
import { quoteAlias, raw, sql, type Sql } from "./sql";
import { validAsOf } from "./valid-as-of";

/** The keys of a JSON object, or the positions of a fixed-length tuple (`"0" | "1"`). */
export type DataKey<T> =
  NonNullable<T> extends readonly unknown[] ? Extract<keyof NonNullable<T>, `${number}`> : Extract<keyof NonNullable<T>, string>;
type At<T, K> = K extends keyof NonNullable<T> ? NonNullable<T>[K] : never;
type KeyOfType<T, V> = { [K in DataKey<T>]-?: NonNullable<At<T, K>> extends V ? K : never }[DataKey<T>];

/**
 * EntityVersion rows of one kind under a table alias, with `data` fields named by the lib/aws type
 * of that kind, so renaming a field fails `tsc` rather than silently reading NULL in a page.
 * Field names are spliced into the SQL (a bind parameter would make `DISTINCT ON`, `GROUP BY` and
 * `ORDER BY` see different expressions), so each is checked to be a plain identifier.
 */
export class EntityAlias<K extends EntityKind> {
  readonly ref: Sql;
  /** `"EntityVersion" "alias"`, for FROM and JOIN */
  readonly table: Sql;
  readonly id: Sql;
  readonly naturalKey: Sql;
  readonly accountId: Sql;
  readonly validFrom: Sql;
  readonly validTo: Sql;
  /** the whole JSON document */
  readonly data: Sql;

  constructor(
    readonly kind: K,
    readonly alias: string,
  ) {
    this.ref = quoteAlias(alias);
    this.table = sql`"EntityVersion" ${this.ref}`;
    this.id = sql`${this.ref}.id`;
    this.naturalKey = sql`${this.ref}."naturalKey"`;
    this.accountId = sql`${this.ref}."accountId"`;
    this.validFrom = sql`${this.ref}."validFrom"`;
    this.validTo = sql`${this.ref}."validTo"`;
    this.data = sql`${this.ref}.data`;
  }

  /** The rows of this kind as snapshot `snapshotId` saw them. */
  asOf(snapshotId: number): Sql {
    return sql`${this.ref}.kind = ${this.kind}::"EntityKind" AND ${validAsOf(this.alias, snapshotId)}`;
  }

  /** `data->>'key'`: the field as text (NULL when absent). */
  text(key: DataKey<EntityDataOf<K>>): Sql {
    return raw(`"${this.alias}".data->>'${segment(key)}'`);
  }

  /** `data->'key'`: the field as JSON (objects, arrays). */
  json(key: DataKey<EntityDataOf<K>>): Sql {
    return raw(`"${this.alias}".data->'${segment(key)}'`);
  }

  /** A boolean field as SQL boolean. */
  boolean(key: KeyOfType<EntityDataOf<K>, boolean>): Sql {
    return sql`(${this.text(key)})::boolean`;
  }

  /** A whole-number field as SQL int. */
  integer(key: KeyOfType<EntityDataOf<K>, number>): Sql {
    return sql`(${this.text(key)})::int`;
  }

  /** `data#>>'{a,b}'`: a nested field as text. */
  textAt<A extends DataKey<EntityDataOf<K>>, B extends DataKey<At<EntityDataOf<K>, A>>>(a: A, b: B): Sql;
  textAt<A extends DataKey<EntityDataOf<K>>, B extends DataKey<At<EntityDataOf<K>, A>>, C extends DataKey<At<At<EntityDataOf<K>, A>, B>>>(
    a: A,
    b: B,
    c: C,
  ): Sql;
  textAt(...path: string[]): Sql {
    return raw(`"${this.alias}".data#>>'{${path.map(segment).join(",")}}'`);
  }
}

export function entityAlias<K extends EntityKind>(kind: K, alias: string): EntityAlias<K> {
  return new EntityAlias(kind, alias);
}

function segment(key: string): string {
  if (!/^[A-Za-z0-9_]+$/.test(key)) throw new Error(`not a JSON field name: ${key}`);
  return key;
}
