import type { Db } from "../db";
import { entityAlias, sql } from "../snapshot";
import { account } from "./find-accounts";

export interface IdcUserGroupRef {
  groupId: string;
  displayName: string | null;
}

/** One assignment that reaches the person: made to them (`viaGroup` null) or to one of their groups. */
export interface IdcUserAssignment {
  accountId: string;
  accountName: string | null;
  permissionSetArn: string;
  permissionSetName: string | null;
  viaGroup: IdcUserGroupRef | null;
}

export interface IdcUserDetail {
  userId: string;
  userName: string;
  displayName: string | null;
  givenName: string | null;
  familyName: string | null;
  email: string | null;
  status: string | null;
  externalIds: Array<{ issuer: string; id: string }>;
  groups: IdcUserGroupRef[];
  assignments: IdcUserAssignment[];
  /** true when more assignments exist than MAX_ASSIGNMENTS */
  assignmentsTruncated: boolean;
}

/** A person reached through many groups can have thousands of assignments; the page shows this many. */
export const MAX_ASSIGNMENTS = 1000;

const user = entityAlias("IDC_USER", "u");
const group = entityAlias("IDC_GROUP", "g");
const membership = entityAlias("IDC_GROUP_MEMBERSHIP", "m");
const assignment = entityAlias("ACCOUNT_ASSIGNMENT", "s");
const permissionSet = entityAlias("PERMISSION_SET", "p");

type UserRow = Omit<IdcUserDetail, "groups" | "assignments" | "assignmentsTruncated">;
type AssignmentRow = Omit<IdcUserAssignment, "viaGroup"> & { groupId: string | null; groupName: string | null };

/** One Identity Center user as of a snapshot with their groups and every assignment reaching them; null if absent then. */
export async function getIdcUser(db: Db, snapshotId: number, userId: string): Promise<IdcUserDetail | null> {
  const users = await db.$queryRaw<UserRow[]>(sql`
    SELECT ${user.naturalKey} AS "userId", ${user.text("userName")} AS "userName", ${user.text("displayName")} AS "displayName",
      ${user.text("givenName")} AS "givenName", ${user.text("familyName")} AS "familyName", ${user.text("primaryEmail")} AS email,
      ${user.text("status")} AS status,
      coalesce((SELECT jsonb_agg(jsonb_build_object('issuer', e->>'issuer', 'id', e->>'id'))
        FROM jsonb_array_elements(CASE WHEN jsonb_typeof(${user.json("externalIds")}) = 'array'
          THEN ${user.json("externalIds")} ELSE '[]'::jsonb END) e), '[]'::jsonb) AS "externalIds"
    FROM ${user.table} WHERE ${user.asOf(snapshotId)} AND ${user.naturalKey} = ${userId} LIMIT 1`);
  const found = users[0];
  if (!found) return null;
  const groups = await db.$queryRaw<IdcUserGroupRef[]>(sql`
    SELECT ${membership.text("groupId")} AS "groupId", ${group.text("displayName")} AS "displayName"
    FROM ${membership.table}
      LEFT JOIN ${group.table} ON ${group.asOf(snapshotId)} AND ${group.naturalKey} = ${membership.text("groupId")}
    WHERE ${membership.asOf(snapshotId)} AND ${membership.text("userId")} = ${userId}
    ORDER BY lower(coalesce(${group.text("displayName")}, ${membership.text("groupId")}))`);
  const groupIds = groups.map((g) => g.groupId);
  const rows = await db.$queryRaw<AssignmentRow[]>(sql`
    SELECT ${assignment.text("accountId")} AS "accountId", ${account.text("name")} AS "accountName",
      ${assignment.text("permissionSetArn")} AS "permissionSetArn", ${permissionSet.text("name")} AS "permissionSetName",
      CASE WHEN ${assignment.text("principalType")} = 'GROUP' THEN ${assignment.text("principalId")} END AS "groupId",
      ${group.text("displayName")} AS "groupName"
    FROM ${assignment.table}
      LEFT JOIN ${account.table} ON ${account.asOf(snapshotId)} AND ${account.naturalKey} = ${assignment.text("accountId")}
      LEFT JOIN ${permissionSet.table} ON ${permissionSet.asOf(snapshotId)} AND ${permissionSet.naturalKey} = ${assignment.text("permissionSetArn")}
      LEFT JOIN ${group.table} ON ${group.asOf(snapshotId)} AND ${group.naturalKey} = ${assignment.text("principalId")}
        AND ${assignment.text("principalType")} = 'GROUP'
    WHERE ${assignment.asOf(snapshotId)} AND (
      (${assignment.text("principalType")} = 'USER' AND ${assignment.text("principalId")} = ${userId})
      OR (${assignment.text("principalType")} = 'GROUP' AND ${assignment.text("principalId")} = ANY(${groupIds})))
    ORDER BY lower(coalesce(${account.text("name")}, ${assignment.text("accountId")})), lower(${permissionSet.text("name")}),
      "groupId" NULLS FIRST
    LIMIT ${MAX_ASSIGNMENTS + 1}`);
  return {
    ...found,
    groups,
    assignments: rows.slice(0, MAX_ASSIGNMENTS).map(({ groupId, groupName, ...row }) => ({
      ...row,
      viaGroup: groupId ? { groupId, displayName: groupName } : null,
    })),
    assignmentsTruncated: rows.length > MAX_ASSIGNMENTS,
  };
}
