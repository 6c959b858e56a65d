import type { Db } from "../db";
import { pageBounds, type Page, type PageSort, type SortDirection } from "./page";
import { raw, sql, whereAll, type Sql } from "./sql";

export interface PageQuery<S extends string> {
  /** FROM clause, joins included */
  from: Sql;
  where: Sql[];
  select: Sql;
  orderBy: Sql;
  /** what `orderBy` implements, echoed in the page */
  sort: PageSort<S>;
  page: number;
  pageSize: number;
}

/** Runs the page and its count; both share FROM/WHERE so the total always matches the filter. */
export async function queryPage<Row, S extends string>(db: Db, query: PageQuery<S>): Promise<Page<Row, S>> {
  const where = whereAll(query.where);
  const { limit, offset } = pageBounds(query.page, query.pageSize);
  const [rows, counted] = await Promise.all([
    db.$queryRaw<Row[]>(sql`SELECT ${query.select} FROM ${query.from} ${where} ORDER BY ${query.orderBy} LIMIT ${limit} OFFSET ${offset}`),
    db.$queryRaw<Array<{ total: number }>>(sql`SELECT count(*)::int AS total FROM ${query.from} ${where}`),
  ]);
  return { rows, total: counted[0]?.total ?? 0, page: query.page, pageSize: query.pageSize, sort: query.sort };
}

/**
 * ORDER BY a whitelisted expression, then a unique tie-breaker so pages never overlap or skip
 * rows when many share a sort value. Nulls sort last in both directions: "never used" is not a date.
 */
export function orderBy(expression: Sql, dir: SortDirection, tieBreaker: Sql): Sql {
  return sql`${expression} ${direction(dir)} NULLS LAST, ${tieBreaker} ASC`;
}

export function direction(dir: SortDirection): Sql {
  return raw(dir === "desc" ? "DESC" : "ASC");
}
