import type { Db } from "../db";
import type { PolicyDocument } from "../aws";
import { orderBy, queryPage, raw, sql, whereAll, type Sql } from "../snapshot";
import { account } from "./find-accounts";
import { role, roleFilters, roleFrom, type FindIamRolesInput } from "./find-iam-roles";
import type { Page, SortDirection } from "./list-query";

export const ROLE_GROUP_SORTS = ["name", "accounts"] as const;
export type RoleGroupSort = (typeof ROLE_GROUP_SORTS)[number];

/** How many of a group's roles come with it; the rest are one link away (the list filtered to the name). */
export const ROLE_GROUP_PREVIEW_SIZE = 25;

export interface RoleGroupMember {
  arn: string;
  accountId: string;
  accountName: string | null;
  trustPolicy: PolicyDocument | null;
}

/** Every role of one name across the accounts (names compare case-insensitively, as IAM does). */
export interface IamRoleGroupRow {
  roleName: string;
  accountCount: number;
  roleCount: number;
  /** set when the roles are Identity Center reserved roles of one permission set */
  permissionSetName: string | null;
  permissionSetArn: string | null;
  isServiceLinked: boolean;
  /** the first ROLE_GROUP_PREVIEW_SIZE roles, by account name */
  members: RoleGroupMember[];
}

export type FindIamRoleGroupsInput = Omit<FindIamRolesInput, "sort"> & { sort: RoleGroupSort; dir: SortDirection };

const GROUP_SORTS: Record<RoleGroupSort, Sql> = {
  name: sql`g.key`,
  accounts: sql`g."accountCount"`,
};

/** IAM roles grouped by name across accounts, with an account count and the first accounts of each. */
export async function findIamRoleGroups(db: Db, input: FindIamRoleGroupsInput): Promise<Page<IamRoleGroupRow, RoleGroupSort>> {
  const accountLabel = sql`coalesce(${account.text("name")}, ${role.accountId})`;
  const grouped = sql`(
    SELECT lower(${role.text("roleName")}) AS key, min(${role.text("roleName")}) AS "roleName",
      count(DISTINCT ${role.accountId})::int AS "accountCount", count(*)::int AS "roleCount",
      min(${role.textAt("identityCenter", "permissionSetName")}) AS "permissionSetName",
      min(coalesce(${role.textAt("identityCenter", "permissionSetArn")}, psn.arn)) AS "permissionSetArn",
      bool_and(coalesce(${role.boolean("isServiceLinked")}, false)) AS "isServiceLinked",
      (array_agg(jsonb_build_object('arn', ${role.naturalKey}, 'accountId', ${role.accountId}, 'accountName', ${account.text("name")},
        'trustPolicy', ${role.json("trustPolicy")}) ORDER BY lower(${accountLabel}), ${role.naturalKey}))[1:${raw(String(ROLE_GROUP_PREVIEW_SIZE))}] AS members
    FROM ${roleFrom(input.snapshotId)} ${whereAll(roleFilters(input))}
    GROUP BY 1) g`;
  return queryPage<IamRoleGroupRow, RoleGroupSort>(db, {
    select: sql`g."roleName", g."accountCount", g."roleCount", g."permissionSetName", g."permissionSetArn", g."isServiceLinked", g.members`,
    from: grouped,
    where: [],
    orderBy: orderBy(GROUP_SORTS[input.sort], input.dir, sql`g.key`),
    sort: { by: input.sort, dir: input.dir },
    page: input.page,
    pageSize: input.pageSize,
  });
}
