import { z } from "zod";
import type { Db } from "../db";
import type { Tags } from "../aws";
import { optionalText, pagingSchema, sortParam, snapshotParam, type Page, type SortDirection } from "./list-query";
import { orderBy, queryPage } from "./query-page";
import { childrenPattern, containsPattern, raw, sql, visible, type Sql } from "./sql";

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

const SORT_COLUMNS: Record<AccountSort, Sql> = {
  name: sql`lower(a.data->>'name')`,
  id: sql`a."naturalKey"`,
  email: sql`lower(a.data->>'email')`,
  ouPath: sql`a.data->>'ouPath'`,
  status: sql`a.data->>'status'`,
  joinedAt: sql`a.data->>'joinedAt'`,
};

function countIn(kind: "IAM_ROLE" | "IAM_USER", snapshotId: number): Sql {
  return sql`(SELECT count(*)::int FROM "EntityVersion" c
    WHERE c."accountId" = a."naturalKey" AND ${visible("c", kind, snapshotId)})`;
}

export function accountFilters(input: Pick<FindAccountsInput, "snapshotId" | "search" | "ouPath" | "status">): Sql[] {
  const where = [visible("a", "ACCOUNT", input.snapshotId)];
  if (input.search) {
    const pattern = containsPattern(input.search);
    where.push(sql`(a."naturalKey" ILIKE ${pattern} OR a.data->>'name' ILIKE ${pattern} OR a.data->>'email' ILIKE ${pattern})`);
  }
  if (input.ouPath) {
    where.push(sql`(a.data->>'ouPath' = ${input.ouPath} OR a.data->>'ouPath' LIKE ${childrenPattern(input.ouPath)})`);
  }
  if (input.status) where.push(sql`a.data->>'status' = ${input.status}`);
  return where;
}

export const ACCOUNT_COLUMNS = raw(`a."naturalKey" AS id, a.data->>'name' AS name, a.data->>'email' AS email,
  a.data->>'status' AS status, a.data->>'ouPath' AS "ouPath", a.data->>'joinedAt' AS "joinedAt",
  a.data->'tags' AS tags`);

/** Organization accounts as of a snapshot, with how many IAM roles and users each holds. */
export async function findAccounts(db: Db, input: FindAccountsInput): Promise<Page<AccountRow>> {
  return queryPage<AccountRow>(db, {
    select: sql`${ACCOUNT_COLUMNS}, ${countIn("IAM_ROLE", input.snapshotId)} AS "roleCount",
      ${countIn("IAM_USER", input.snapshotId)} AS "userCount"`,
    from: sql`"EntityVersion" a`,
    where: accountFilters(input),
    orderBy: orderBy(SORT_COLUMNS[input.sort], input.dir, sql`a."naturalKey"`),
    page: input.page,
    pageSize: input.pageSize,
  });
}
