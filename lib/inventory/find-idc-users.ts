import { z } from "zod";
import type { Db } from "../db";
import { optionalText, pagingSchema, sortParam, snapshotParam, type Page, type SortDirection } from "./list-query";
import { orderBy, queryPage } from "./query-page";
import { containsPattern, sql, visible, type Sql } from "./sql";

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

const SORT_COLUMNS: Record<IdcUserSort, Sql> = {
  userName: sql`lower(u.data->>'userName')`,
  displayName: sql`lower(u.data->>'displayName')`,
  email: sql`lower(u.data->>'primaryEmail')`,
  status: sql`u.data->>'status'`,
  groups: sql`coalesce(m.n, 0)`,
  assignments: sql`coalesce(asg.n, 0)`,
};

/** Identity Center users as of a snapshot, with group and direct-assignment counts. */
export async function findIdcUsers(db: Db, input: FindIdcUsersInput): Promise<Page<IdcUserRow>> {
  const id = input.snapshotId;
  const where = [visible("u", "IDC_USER", id)];
  if (input.search) {
    const pattern = containsPattern(input.search);
    where.push(sql`(u.data->>'userName' ILIKE ${pattern} OR u.data->>'displayName' ILIKE ${pattern}
      OR u.data->>'primaryEmail' ILIKE ${pattern})`);
  }
  if (input.status) where.push(sql`u.data->>'status' = ${input.status}`);
  if (input.groupId) {
    where.push(sql`EXISTS (SELECT 1 FROM "EntityVersion" gm WHERE ${visible("gm", "IDC_GROUP_MEMBERSHIP", id)}
      AND gm.data->>'groupId' = ${input.groupId} AND gm.data->>'userId' = u."naturalKey")`);
  }
  return queryPage<IdcUserRow>(db, {
    select: sql`u."naturalKey" AS "userId", u.data->>'userName' AS "userName",
      u.data->>'displayName' AS "displayName", u.data->>'primaryEmail' AS email, u.data->>'status' AS status,
      coalesce(m.n, 0) AS "groupCount", coalesce(asg.n, 0) AS "assignmentCount"`,
    from: sql`"EntityVersion" u
      LEFT JOIN (SELECT x.data->>'userId' AS id, count(*)::int AS n FROM "EntityVersion" x
        WHERE ${visible("x", "IDC_GROUP_MEMBERSHIP", id)} GROUP BY 1) m ON m.id = u."naturalKey"
      LEFT JOIN (SELECT x.data->>'principalId' AS id, count(*)::int AS n FROM "EntityVersion" x
        WHERE ${visible("x", "ACCOUNT_ASSIGNMENT", id)} AND x.data->>'principalType' = 'USER' GROUP BY 1) asg
        ON asg.id = u."naturalKey"`,
    where,
    orderBy: orderBy(SORT_COLUMNS[input.sort], input.dir, sql`u."naturalKey"`),
    page: input.page,
    pageSize: input.pageSize,
  });
}
