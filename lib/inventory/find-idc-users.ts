import { z } from "zod";
import type { Db } from "../db";
import { containsPattern, entityAlias, orderBy, queryPage, sql, type Sql } from "../snapshot";
import { optionalText, pagingSchema, sortParam, snapshotParam, type Page, type SortDirection } from "./list-query";

export const IDC_USER_SORTS = ["userName", "displayName", "email", "status", "groups", "assignments"] as const;
export type IdcUserSort = (typeof IDC_USER_SORTS)[number];

export const idcUserListParams = z.object({
  snapshot: snapshotParam,
  search: optionalText,
  status: optionalText,
  sort: sortParam(IDC_USER_SORTS, "userName"),
  ...pagingSchema,
});

export interface FindIdcUsersInput {
  snapshotId: number;
  /** matches user name, display name or email */
  search?: string;
  status?: string;
  /** only members of this group */
  groupId?: string;
  sort: IdcUserSort;
  dir: SortDirection;
  page: number;
  pageSize: number;
}

export interface IdcUserRow {
  userId: string;
  userName: string;
  displayName: string | null;
  email: string | null;
  status: string | null;
  groupCount: number;
  /** assignments made to the user directly (not through a group) */
  assignmentCount: number;
}

const user = entityAlias("IDC_USER", "u");
const membership = entityAlias("IDC_GROUP_MEMBERSHIP", "x");
const assignment = entityAlias("ACCOUNT_ASSIGNMENT", "x");

const SORT_COLUMNS: Record<IdcUserSort, Sql> = {
  userName: sql`lower(${user.text("userName")})`,
  displayName: sql`lower(${user.text("displayName")})`,
  email: sql`lower(${user.text("primaryEmail")})`,
  status: user.text("status"),
  groups: sql`coalesce(m.n, 0)`,
  assignments: sql`coalesce(asg.n, 0)`,
};

function userFilters(input: FindIdcUsersInput): Sql[] {
  const where = [user.asOf(input.snapshotId)];
  if (input.search) {
    const pattern = containsPattern(input.search);
    where.push(sql`(${user.text("userName")} ILIKE ${pattern} OR ${user.text("displayName")} ILIKE ${pattern}
      OR ${user.text("primaryEmail")} ILIKE ${pattern})`);
  }
  if (input.status) where.push(sql`${user.text("status")} = ${input.status}`);
  if (input.groupId) {
    const gm = entityAlias("IDC_GROUP_MEMBERSHIP", "gm");
    where.push(sql`EXISTS (SELECT 1 FROM ${gm.table} WHERE ${gm.asOf(input.snapshotId)}
      AND ${gm.text("groupId")} = ${input.groupId} AND ${gm.text("userId")} = ${user.naturalKey})`);
  }
  return where;
}

/** Identity Center users as of a snapshot, with group and direct-assignment counts. */
export async function findIdcUsers(db: Db, input: FindIdcUsersInput): Promise<Page<IdcUserRow, IdcUserSort>> {
  const id = input.snapshotId;
  return queryPage<IdcUserRow, IdcUserSort>(db, {
    select: sql`${user.naturalKey} AS "userId", ${user.text("userName")} AS "userName",
      ${user.text("displayName")} AS "displayName", ${user.text("primaryEmail")} AS email, ${user.text("status")} AS status,
      coalesce(m.n, 0) AS "groupCount", coalesce(asg.n, 0) AS "assignmentCount"`,
    from: sql`${user.table}
      LEFT JOIN (SELECT ${membership.text("userId")} AS id, count(*)::int AS n FROM ${membership.table}
        WHERE ${membership.asOf(id)} GROUP BY 1) m ON m.id = ${user.naturalKey}
      LEFT JOIN (SELECT ${assignment.text("principalId")} AS id, count(*)::int AS n FROM ${assignment.table}
        WHERE ${assignment.asOf(id)} AND ${assignment.text("principalType")} = 'USER' GROUP BY 1) asg
        ON asg.id = ${user.naturalKey}`,
    where: userFilters(input),
    orderBy: orderBy(SORT_COLUMNS[input.sort], input.dir, user.naturalKey),
    sort: { by: input.sort, dir: input.dir },
    page: input.page,
    pageSize: input.pageSize,
  });
}
