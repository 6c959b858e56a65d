import { z } from "zod";
import type { Db } from "../db";
import { optionalText, pagingSchema, sortParam, snapshotParam, type Page, type SortDirection } from "./list-query";
import { orderBy, queryPage } from "./query-page";
import { arrayLength, containsPattern, sql, visible, type Sql } from "./sql";

export const PERMISSION_SET_SORTS = ["name", "sessionDuration", "assignments", "provisioned"] as const;
export type PermissionSetSort = (typeof PERMISSION_SET_SORTS)[number];

export const permissionSetListParams = z.object({
  snapshot: snapshotParam,
  search: optionalText,
  sort: sortParam(PERMISSION_SET_SORTS, "name"),
  ...pagingSchema,
});

export interface FindPermissionSetsInput {
  snapshotId: number;
  /** matches name, description or ARN */
  search?: string;
  sort: PermissionSetSort;
  dir: SortDirection;
  page: number;
  pageSize: number;
}

export interface PermissionSetRow {
  arn: string;
  name: string;
  description: string | null;
  /** ISO-8601 duration, e.g. `PT8H` */
  sessionDuration: string | null;
  awsManagedPolicyCount: number;
  customerManagedPolicyCount: number;
  hasInlinePolicy: boolean;
  hasPermissionsBoundary: boolean;
  assignmentCount: number;
  /** null when the provisioned accounts could not be read */
  provisionedAccountCount: number | null;
}

const SORT_COLUMNS: Record<PermissionSetSort, Sql> = {
  name: sql`lower(p.data->>'name')`,
  // ISO durations of one shape (PTnH, PTnHnM) do not sort as text; Postgres reads them as intervals.
  sessionDuration: sql`(p.data->>'sessionDuration')::interval`,
  assignments: sql`coalesce(asg.n, 0)`,
  provisioned: arrayLength(sql`p.data->'provisionedAccountIds'`),
};

/** Assignments per permission set, counted once for the whole page. */
function assignmentCounts(snapshotId: number): Sql {
  return sql`(SELECT s.data->>'permissionSetArn' AS arn, count(*)::int AS n FROM "EntityVersion" s
    WHERE ${visible("s", "ACCOUNT_ASSIGNMENT", snapshotId)} GROUP BY 1)`;
}

/** Identity Center permission sets as of a snapshot, with assignment and provisioning counts. */
export async function findPermissionSets(db: Db, input: FindPermissionSetsInput): Promise<Page<PermissionSetRow>> {
  const where = [visible("p", "PERMISSION_SET", input.snapshotId)];
  if (input.search) {
    const pattern = containsPattern(input.search);
    where.push(sql`(p.data->>'name' ILIKE ${pattern} OR p.data->>'description' ILIKE ${pattern} OR p."naturalKey" ILIKE ${pattern})`);
  }
  return queryPage<PermissionSetRow>(db, {
    select: sql`p."naturalKey" AS arn, p.data->>'name' AS name, p.data->>'description' AS description,
      p.data->>'sessionDuration' AS "sessionDuration",
      coalesce(${arrayLength(sql`p.data->'awsManagedPolicies'`)}, 0) AS "awsManagedPolicyCount",
      coalesce(${arrayLength(sql`p.data->'customerManagedPolicies'`)}, 0) AS "customerManagedPolicyCount",
      coalesce(jsonb_typeof(p.data->'inlinePolicy') = 'object', false) AS "hasInlinePolicy",
      coalesce(jsonb_typeof(p.data->'permissionsBoundary') = 'object', false) AS "hasPermissionsBoundary",
      coalesce(asg.n, 0) AS "assignmentCount",
      ${SORT_COLUMNS.provisioned} AS "provisionedAccountCount"`,
    from: sql`"EntityVersion" p LEFT JOIN ${assignmentCounts(input.snapshotId)} asg ON asg.arn = p."naturalKey"`,
    where,
    orderBy: orderBy(SORT_COLUMNS[input.sort], input.dir, sql`p."naturalKey"`),
    page: input.page,
    pageSize: input.pageSize,
  });
}
