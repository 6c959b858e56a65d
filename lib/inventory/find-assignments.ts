import { z } from "zod";
import type { Db } from "../db";
import type { PrincipalType } from "../aws";
import { entityAlias, orderBy, queryPage, sql, type Sql } from "../snapshot";
import { account } from "./find-accounts";
import { pagingSchema, sortParam, type Page, type SortDirection } from "./list-query";

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

const assignment = entityAlias("ACCOUNT_ASSIGNMENT", "s");
const permissionSet = entityAlias("PERMISSION_SET", "p");
const user = entityAlias("IDC_USER", "u");
const group = entityAlias("IDC_GROUP", "g");

const SORT_COLUMNS: Record<AssignmentSort, Sql> = {
  principal: sql`lower(coalesce(${user.text("userName")}, ${group.text("displayName")}, ${assignment.text("principalId")}))`,
  account: sql`lower(coalesce(${account.text("name")}, ${assignment.accountId}))`,
  permissionSet: sql`lower(${permissionSet.text("name")})`,
};

/** Account assignments (principal → permission set in account), with every id resolved to a name. */
export async function findAssignments(db: Db, input: FindAssignmentsInput): Promise<Page<AssignmentRow, AssignmentSort>> {
  const id = input.snapshotId;
  const where = [assignment.asOf(id)];
  if (input.permissionSetArn) where.push(sql`${assignment.text("permissionSetArn")} = ${input.permissionSetArn}`);
  if (input.accountId) where.push(sql`${assignment.text("accountId")} = ${input.accountId}`);
  if (input.principalId) where.push(sql`${assignment.text("principalId")} = ${input.principalId}`);
  return queryPage<AssignmentRow, AssignmentSort>(db, {
    select: sql`${assignment.text("accountId")} AS "accountId", ${account.text("name")} AS "accountName",
      ${assignment.text("permissionSetArn")} AS "permissionSetArn", ${permissionSet.text("name")} AS "permissionSetName",
      ${assignment.text("principalType")} AS "principalType", ${assignment.text("principalId")} AS "principalId",
      coalesce(${user.text("userName")}, ${group.text("displayName")}) AS "principalName"`,
    from: sql`${assignment.table}
      LEFT JOIN ${account.table} ON ${account.asOf(id)} AND ${account.naturalKey} = ${assignment.text("accountId")}
      LEFT JOIN ${permissionSet.table} ON ${permissionSet.asOf(id)} AND ${permissionSet.naturalKey} = ${assignment.text("permissionSetArn")}
      LEFT JOIN ${user.table} ON ${assignment.text("principalType")} = 'USER' AND ${user.asOf(id)}
        AND ${user.naturalKey} = ${assignment.text("principalId")}
      LEFT JOIN ${group.table} ON ${assignment.text("principalType")} = 'GROUP' AND ${group.asOf(id)}
        AND ${group.naturalKey} = ${assignment.text("principalId")}`,
    where,
    orderBy: orderBy(SORT_COLUMNS[input.sort], input.dir, assignment.naturalKey),
    sort: { by: input.sort, dir: input.dir },
    page: input.page,
    pageSize: input.pageSize,
  });
}
