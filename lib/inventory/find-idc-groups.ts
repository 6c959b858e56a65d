import { z } from "zod";
import type { Db } from "../db";
import { optionalText, pagingSchema, sortParam, snapshotParam, type Page, type SortDirection } from "./list-query";
import { orderBy, queryPage } from "./query-page";
import { containsPattern, raw, sql, visible, type Sql } from "./sql";

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

const SORT_COLUMNS: Record<IdcGroupSort, Sql> = {
  name: sql`lower(g.data->>'displayName')`,
  members: sql`coalesce(m.n, 0)`,
  assignments: sql`coalesce(asg.n, 0)`,
};

/** Identity Center groups as of a snapshot, with members and assignment counts. */
export async function findIdcGroups(db: Db, input: FindIdcGroupsInput): Promise<Page<IdcGroupRow>> {
  const id = input.snapshotId;
  const where = [visible("g", "IDC_GROUP", id)];
  if (input.search) {
    const pattern = containsPattern(input.search);
    where.push(sql`(g.data->>'displayName' ILIKE ${pattern} OR g.data->>'description' ILIKE ${pattern})`);
  }
  return queryPage<IdcGroupRow>(db, {
    select: sql`g."naturalKey" AS "groupId", g.data->>'displayName' AS "displayName",
      g.data->>'description' AS description, coalesce(m.n, 0) AS "memberCount",
      coalesce(m.preview, ARRAY[]::text[]) AS "memberPreview", coalesce(asg.n, 0) AS "assignmentCount"`,
    from: sql`"EntityVersion" g
      LEFT JOIN (SELECT x.data->>'groupId' AS id, count(*)::int AS n,
          (array_agg(coalesce(u.data->>'userName', x.data->>'userId') ORDER BY lower(u.data->>'userName')))[1:${raw(String(MEMBER_PREVIEW_SIZE))}] AS preview
        FROM "EntityVersion" x
        LEFT JOIN "EntityVersion" u ON ${visible("u", "IDC_USER", id)} AND u."naturalKey" = x.data->>'userId'
        WHERE ${visible("x", "IDC_GROUP_MEMBERSHIP", id)} GROUP BY 1) m ON m.id = g."naturalKey"
      LEFT JOIN (SELECT x.data->>'principalId' AS id, count(*)::int AS n FROM "EntityVersion" x
        WHERE ${visible("x", "ACCOUNT_ASSIGNMENT", id)} AND x.data->>'principalType' = 'GROUP' GROUP BY 1) asg
        ON asg.id = g."naturalKey"`,
    where,
    orderBy: orderBy(SORT_COLUMNS[input.sort], input.dir, sql`g."naturalKey"`),
    page: input.page,
    pageSize: input.pageSize,
  });
}
