import { z } from "zod";
import type { Db } from "../db";
import type { PrincipalType } from "../aws";
import { pagingSchema, sortParam, type Page, type SortDirection } from "./list-query";
import { orderBy, queryPage } from "./query-page";
import { sql, visible, type Sql } from "./sql";

export const ASSIGNMENT_SORTS = ["principal", "account", "permissionSet"] as const;
export type AssignmentSort = (typeof ASSIGNMENT_SORTS)[number];

/** Paging of an assignments table embedded in a detail page. */
export const assignmentTableParams = z.object({
  sort: sortParam(ASSIGNMENT_SORTS, "principal"),
  ...pagingSchema,
});

export interface FindAssignmentsInput {
  snapshotId: number;
  permissionSetArn?: string;
  accountId?: string;
  /** an Identity Center user or group id */
  principalId?: string;
  sort: AssignmentSort;
  dir: SortDirection;
  page: number;
  pageSize: number;
}

export interface AssignmentRow {
  accountId: string;
  accountName: string | null;
  permissionSetArn: string;
  permissionSetName: string | null;
  principalType: PrincipalType;
  principalId: string;
  /** user name or group display name; null when the principal is not in the snapshot (deleted) */
  principalName: string | null;
}

const SORT_COLUMNS: Record<AssignmentSort, Sql> = {
  principal: sql`lower(coalesce(u.data->>'userName', g.data->>'displayName', s.data->>'principalId'))`,
  account: sql`lower(coalesce(a.data->>'name', s."accountId"))`,
  permissionSet: sql`lower(p.data->>'name')`,
};

/** Account assignments (principal → permission set in account), with every id resolved to a name. */
export async function findAssignments(db: Db, input: FindAssignmentsInput): Promise<Page<AssignmentRow>> {
  const id = input.snapshotId;
  const where = [visible("s", "ACCOUNT_ASSIGNMENT", id)];
  if (input.permissionSetArn) where.push(sql`s.data->>'permissionSetArn' = ${input.permissionSetArn}`);
  if (input.accountId) where.push(sql`s.data->>'accountId' = ${input.accountId}`);
  if (input.principalId) where.push(sql`s.data->>'principalId' = ${input.principalId}`);
  return queryPage<AssignmentRow>(db, {
    select: sql`s.data->>'accountId' AS "accountId", a.data->>'name' AS "accountName",
      s.data->>'permissionSetArn' AS "permissionSetArn", p.data->>'name' AS "permissionSetName",
      s.data->>'principalType' AS "principalType", s.data->>'principalId' AS "principalId",
      coalesce(u.data->>'userName', g.data->>'displayName') AS "principalName"`,
    from: sql`"EntityVersion" s
      LEFT JOIN "EntityVersion" a ON ${visible("a", "ACCOUNT", id)} AND a."naturalKey" = s.data->>'accountId'
      LEFT JOIN "EntityVersion" p ON ${visible("p", "PERMISSION_SET", id)} AND p."naturalKey" = s.data->>'permissionSetArn'
      LEFT JOIN "EntityVersion" u ON s.data->>'principalType' = 'USER' AND ${visible("u", "IDC_USER", id)}
        AND u."naturalKey" = s.data->>'principalId'
      LEFT JOIN "EntityVersion" g ON s.data->>'principalType' = 'GROUP' AND ${visible("g", "IDC_GROUP", id)}
        AND g."naturalKey" = s.data->>'principalId'`,
    where,
    orderBy: orderBy(SORT_COLUMNS[input.sort], input.dir, sql`s."naturalKey"`),
    page: input.page,
    pageSize: input.pageSize,
  });
}
