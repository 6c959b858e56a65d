import type { Db } from "../db";
import { pageBounds, type Page, type SortDirection } from "./list-query";
import { raw, sql, whereAll, type Sql } from "./sql";

export interface PageQuery {
  /** FROM clause, joins included */
  from: Sql;
  where: Sql[];
  select: Sql;
  orderBy: Sql;
  page: number;
  pageSize: number;
}

/** Runs the page and its count; both share FROM/WHERE so the total always matches the filter. */
export async function queryPage<Row>(db: Db, query: PageQuery): Promise<Page<Row>> {
  const where = whereAll(query.where);
  const { limit, offset } = pageBounds(query.page, query.pageSize);
  const [rows, counted] = await Promise.all([
    db.$queryRaw<Row[]>(
      sql`SELECT ${query.select} FROM ${query.from} ${where} ORDER BY ${query.orderBy} LIMIT ${limit} OFFSET ${offset}`,
    ),
    db.$queryRaw<Array<{ total: number }>>(sql`SELECT count(*)::int AS total FROM ${query.from} ${where}`),
  ]);
  return { rows, total: counted[0]?.total ?? 0, page: query.page, pageSize: query.pageSize };
}

/**
 * ORDER BY a whitelisted expression, then a unique tie-breaker so pages never overlap or skip
 * rows when many share a sort value. Nulls sort last in both directions: "never used" is not a date.
 */
export function orderBy(expression: Sql, dir: SortDirection, tieBreaker: Sql): Sql {
  const direction = raw(dir === "desc" ? "DESC" : "ASC");
  return sql`${expression} ${direction} NULLS LAST, ${tieBreaker} ASC`;
}
