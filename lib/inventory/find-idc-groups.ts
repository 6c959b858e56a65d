import { z } from "zod";
import type { Db } from "../db";
import { containsPattern, entityAlias, orderBy, queryPage, raw, sql, type Sql } from "../snapshot";
import { optionalText, pagingSchema, sortParam, snapshotParam, type Page, type SortDirection } from "./list-query";

export const IDC_GROUP_SORTS = ["name", "members", "assignments"] as const;
export type IdcGroupSort = (typeof IDC_GROUP_SORTS)[number];

export const idcGroupListParams = z.object({
  snapshot: snapshotParam,
  search: optionalText,
  sort: sortParam(IDC_GROUP_SORTS, "name"),
  ...pagingSchema,
});

export interface FindIdcGroupsInput {
  snapshotId: number;
  /** matches display name or description */
  search?: string;
  sort: IdcGroupSort;
  dir: SortDirection;
  page: number;
  pageSize: number;
}

/** How many member names a list row previews; the group page lists them all. */
export const MEMBER_PREVIEW_SIZE = 5;

export interface IdcGroupRow {
  groupId: string;
  displayName: string | null;
  description: string | null;
  memberCount: number;
  /** the first few member user names, alphabetically */
  memberPreview: string[];
  assignmentCount: number;
}

const group = entityAlias("IDC_GROUP", "g");
const membership = entityAlias("IDC_GROUP_MEMBERSHIP", "x");
const member = entityAlias("IDC_USER", "u");
const assignment = entityAlias("ACCOUNT_ASSIGNMENT", "x");

const SORT_COLUMNS: Record<IdcGroupSort, Sql> = {
  name: sql`lower(${group.text("displayName")})`,
  members: sql`coalesce(m.n, 0)`,
  assignments: sql`coalesce(asg.n, 0)`,
};

/** Identity Center groups as of a snapshot, with members and assignment counts. */
export async function findIdcGroups(db: Db, input: FindIdcGroupsInput): Promise<Page<IdcGroupRow, IdcGroupSort>> {
  const id = input.snapshotId;
  const where = [group.asOf(id)];
  if (input.search) {
    const pattern = containsPattern(input.search);
    where.push(sql`(${group.text("displayName")} ILIKE ${pattern} OR ${group.text("description")} ILIKE ${pattern})`);
  }
  const memberName = member.text("userName");
  return queryPage<IdcGroupRow, IdcGroupSort>(db, {
    select: sql`${group.naturalKey} AS "groupId", ${group.text("displayName")} AS "displayName",
      ${group.text("description")} AS description, coalesce(m.n, 0) AS "memberCount",
      coalesce(m.preview, ARRAY[]::text[]) AS "memberPreview", coalesce(asg.n, 0) AS "assignmentCount"`,
    from: sql`${group.table}
      LEFT JOIN (SELECT ${membership.text("groupId")} AS id, count(*)::int AS n,
          (array_agg(coalesce(${memberName}, ${membership.text("userId")}) ORDER BY lower(${memberName})))[1:${raw(String(MEMBER_PREVIEW_SIZE))}] AS preview
        FROM ${membership.table}
        LEFT JOIN ${member.table} ON ${member.asOf(id)} AND ${member.naturalKey} = ${membership.text("userId")}
        WHERE ${membership.asOf(id)} GROUP BY 1) m ON m.id = ${group.naturalKey}
      LEFT JOIN (SELECT ${assignment.text("principalId")} AS id, count(*)::int AS n FROM ${assignment.table}
        WHERE ${assignment.asOf(id)} AND ${assignment.text("principalType")} = 'GROUP' GROUP BY 1) asg
        ON asg.id = ${group.naturalKey}`,
    where,
    orderBy: orderBy(SORT_COLUMNS[input.sort], input.dir, group.naturalKey),
    sort: { by: input.sort, dir: input.dir },
    page: input.page,
    pageSize: input.pageSize,
  });
}
