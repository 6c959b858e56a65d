import { z } from "zod";
import type { Db } from "../db";
import { arrayLength, containsPattern, entityAlias, orderBy, queryPage, sql, type Sql } from "../snapshot";
import { optionalText, pagingSchema, sortParam, snapshotParam, type Page, type SortDirection } from "./list-query";

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

const permissionSet = entityAlias("PERMISSION_SET", "p");

const SORT_COLUMNS: Record<PermissionSetSort, Sql> = {
  name: sql`lower(${permissionSet.text("name")})`,
  // ISO durations of one shape (PTnH, PTnHnM) do not sort as text; Postgres reads them as intervals.
  sessionDuration: sql`(${permissionSet.text("sessionDuration")})::interval`,
  assignments: sql`coalesce(asg.n, 0)`,
  provisioned: arrayLength(permissionSet.json("provisionedAccountIds")),
};

/** Assignments per permission set, counted once for the whole page. */
function assignmentCounts(snapshotId: number): Sql {
  const s = entityAlias("ACCOUNT_ASSIGNMENT", "s");
  return sql`(SELECT ${s.text("permissionSetArn")} AS arn, count(*)::int AS n FROM ${s.table}
    WHERE ${s.asOf(snapshotId)} GROUP BY 1)`;
}

const isObject = (value: Sql) => sql`coalesce(jsonb_typeof(${value}) = 'object', false)`;

/** Identity Center permission sets as of a snapshot, with assignment and provisioning counts. */
export async function findPermissionSets(db: Db, input: FindPermissionSetsInput): Promise<Page<PermissionSetRow, PermissionSetSort>> {
  const p = permissionSet;
  const where = [p.asOf(input.snapshotId)];
  if (input.search) {
    const pattern = containsPattern(input.search);
    where.push(sql`(${p.text("name")} ILIKE ${pattern} OR ${p.text("description")} ILIKE ${pattern} OR ${p.naturalKey} ILIKE ${pattern})`);
  }
  return queryPage<PermissionSetRow, PermissionSetSort>(db, {
    select: sql`${p.naturalKey} AS arn, ${p.text("name")} AS name, ${p.text("description")} AS description,
      ${p.text("sessionDuration")} AS "sessionDuration",
      coalesce(${arrayLength(p.json("awsManagedPolicies"))}, 0) AS "awsManagedPolicyCount",
      coalesce(${arrayLength(p.json("customerManagedPolicies"))}, 0) AS "customerManagedPolicyCount",
      ${isObject(p.json("inlinePolicy"))} AS "hasInlinePolicy",
      ${isObject(p.json("permissionsBoundary"))} AS "hasPermissionsBoundary",
      coalesce(asg.n, 0) AS "assignmentCount",
      ${SORT_COLUMNS.provisioned} AS "provisionedAccountCount"`,
    from: sql`${p.table} LEFT JOIN ${assignmentCounts(input.snapshotId)} asg ON asg.arn = ${p.naturalKey}`,
    where,
    orderBy: orderBy(SORT_COLUMNS[input.sort], input.dir, p.naturalKey),
    sort: { by: input.sort, dir: input.dir },
    page: input.page,
    pageSize: input.pageSize,
  });
}
