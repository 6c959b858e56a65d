import { z } from "zod";
import type { Db } from "../db";
import type { Tags } from "../aws";
import { childrenPattern, containsPattern, entityAlias, orderBy, queryPage, sql, type Sql } from "../snapshot";
import { optionalText, pagingSchema, sortParam, snapshotParam, type Page, type SortDirection } from "./list-query";

export const ACCOUNT_SORTS = ["name", "id", "email", "ouPath", "status", "joinedAt"] as const;
export type AccountSort = (typeof ACCOUNT_SORTS)[number];

/** URL search params of the accounts list. */
export const accountListParams = z.object({
  snapshot: snapshotParam,
  search: optionalText,
  ouPath: optionalText,
  status: optionalText,
  sort: sortParam(ACCOUNT_SORTS, "name"),
  ...pagingSchema,
});

export interface FindAccountsInput {
  snapshotId: number;
  /** matches id, name or email */
  search?: string;
  /** an OU path; accounts in nested OUs match too */
  ouPath?: string;
  status?: string;
  sort: AccountSort;
  dir: SortDirection;
  page: number;
  pageSize: number;
}

export interface AccountRow {
  id: string;
  name: string;
  email: string;
  status: string;
  ouPath: string;
  joinedAt: string | null;
  /** null when the tags could not be read in that snapshot */
  tags: Tags | null;
  roleCount: number;
  userCount: number;
}

/** The ACCOUNT rows every account read model selects from. */
export const account = entityAlias("ACCOUNT", "a");

const SORT_COLUMNS: Record<AccountSort, Sql> = {
  name: sql`lower(${account.text("name")})`,
  id: account.naturalKey,
  email: sql`lower(${account.text("email")})`,
  ouPath: account.text("ouPath"),
  status: account.text("status"),
  joinedAt: account.text("joinedAt"),
};

function countIn(kind: "IAM_ROLE" | "IAM_USER", snapshotId: number): Sql {
  const c = entityAlias(kind, "c");
  return sql`(SELECT count(*)::int FROM ${c.table} WHERE ${c.accountId} = ${account.naturalKey} AND ${c.asOf(snapshotId)})`;
}

function accountFilters(input: FindAccountsInput): Sql[] {
  const where = [account.asOf(input.snapshotId)];
  if (input.search) {
    const pattern = containsPattern(input.search);
    where.push(
      sql`(${account.naturalKey} ILIKE ${pattern} OR ${account.text("name")} ILIKE ${pattern} OR ${account.text("email")} ILIKE ${pattern})`,
    );
  }
  if (input.ouPath) {
    where.push(sql`(${account.text("ouPath")} = ${input.ouPath} OR ${account.text("ouPath")} LIKE ${childrenPattern(input.ouPath)})`);
  }
  if (input.status) where.push(sql`${account.text("status")} = ${input.status}`);
  return where;
}

export const ACCOUNT_COLUMNS = sql`${account.naturalKey} AS id, ${account.text("name")} AS name, ${account.text("email")} AS email,
  ${account.text("status")} AS status, ${account.text("ouPath")} AS "ouPath", ${account.text("joinedAt")} AS "joinedAt",
  ${account.json("tags")} AS tags`;

/** Organization accounts as of a snapshot, with how many IAM roles and users each holds. */
export async function findAccounts(db: Db, input: FindAccountsInput): Promise<Page<AccountRow, AccountSort>> {
  return queryPage<AccountRow, AccountSort>(db, {
    select: sql`${ACCOUNT_COLUMNS}, ${countIn("IAM_ROLE", input.snapshotId)} AS "roleCount",
      ${countIn("IAM_USER", input.snapshotId)} AS "userCount"`,
    from: account.table,
    where: accountFilters(input),
    orderBy: orderBy(SORT_COLUMNS[input.sort], input.dir, account.naturalKey),
    sort: { by: input.sort, dir: input.dir },
    page: input.page,
    pageSize: input.pageSize,
  });
}
