import { z } from "zod";
import type { Db } from "../db";
import { containsPattern, entityAlias, orderBy, queryPage, sql, type Sql } from "../snapshot";
import { account } from "./find-accounts";
import { optionalText, pagingSchema, sortParam, snapshotParam, type Page, type SortDirection } from "./list-query";

export const ROLE_SORTS = ["name", "account", "path", "createdAt", "lastUsedAt", "maxSession"] as const;
export type RoleSort = (typeof ROLE_SORTS)[number];
/** sso: Identity Center reserved roles; service-linked; custom: everything else. */
export const ROLE_TYPES = ["sso", "service-linked", "custom"] as const;
export type RoleType = (typeof ROLE_TYPES)[number];

export const roleListParams = z.object({
  snapshot: snapshotParam,
  search: optionalText,
  /** one role name exactly (IAM compares names case-insensitively): a grouped row's accounts */
  roleName: optionalText,
  accountId: z
    .string()
    .regex(/^\d{12}$/, "accountId must be a 12-digit account id")
    .optional(),
  type: z.enum(ROLE_TYPES).optional(),
  permissionSetArn: optionalText,
  sort: sortParam(ROLE_SORTS, "name"),
  ...pagingSchema,
});

export interface FindIamRolesInput {
  snapshotId: number;
  /** matches role name or ARN */
  search?: string;
  roleName?: string;
  accountId?: string;
  type?: RoleType;
  /** reserved roles of one permission set */
  permissionSetArn?: string;
  sort: RoleSort;
  dir: SortDirection;
  page: number;
  pageSize: number;
}

export interface IamRoleRow {
  arn: string;
  accountId: string;
  accountName: string | null;
  roleName: string;
  path: string;
  createdAt: string | null;
  lastUsedAt: string | null;
  /** seconds; null when ListRoles did not report it */
  maxSessionDuration: number | null;
  isServiceLinked: boolean;
  /** set for Identity Center reserved roles (`AWSReservedSSO_…`) */
  permissionSetName: string | null;
  permissionSetArn: string | null;
}

/** The IAM_ROLE rows every role read model selects from. */
export const role = entityAlias("IAM_ROLE", "r");
const permissionSet = entityAlias("PERMISSION_SET", "p");

const SORT_COLUMNS: Record<RoleSort, Sql> = {
  name: sql`lower(${role.text("roleName")})`,
  account: sql`lower(coalesce(${account.text("name")}, ${role.accountId}))`,
  path: role.text("path"),
  createdAt: role.text("createdAt"),
  lastUsedAt: role.text("lastUsedAt"),
  maxSession: role.integer("maxSessionDuration"),
};

const PERMISSION_SET_NAME = role.textAt("identityCenter", "permissionSetName");

/**
 * The roles, their account and — for reserved SSO roles — their permission set. The collector
 * fills `identityCenter.permissionSetArn` when it matched the name; otherwise the name is looked
 * up among the snapshot's permission sets (names are unique within an Identity Center instance).
 */
export function roleFrom(snapshotId: number): Sql {
  const name = permissionSet.text("name");
  // A join on a per-snapshot name → ARN table (hashed once) rather than a lookup per role.
  return sql`${role.table}
    LEFT JOIN ${account.table} ON ${account.asOf(snapshotId)} AND ${account.naturalKey} = ${role.accountId}
    LEFT JOIN (SELECT DISTINCT ON (${name}) ${name} AS name, ${permissionSet.naturalKey} AS arn
      FROM ${permissionSet.table} WHERE ${permissionSet.asOf(snapshotId)}
      ORDER BY ${name}, ${permissionSet.naturalKey}) psn ON psn.name = ${PERMISSION_SET_NAME}`;
}

/** The role's permission set ARN: the collector's match, else the one named like the role's suffix. */
const PERMISSION_SET_ARN = sql`coalesce(${role.textAt("identityCenter", "permissionSetArn")}, psn.arn)`;
const IS_SERVICE_LINKED = sql`coalesce(${role.boolean("isServiceLinked")}, false)`;
const SSO_TYPE = sql`jsonb_typeof(${role.json("identityCenter")})`;

export const ROLE_COLUMNS = sql`${role.naturalKey} AS arn, ${role.accountId} AS "accountId", ${account.text("name")} AS "accountName",
  ${role.text("roleName")} AS "roleName", ${role.text("path")} AS path, ${role.text("createdAt")} AS "createdAt",
  ${role.text("lastUsedAt")} AS "lastUsedAt", ${role.integer("maxSessionDuration")} AS "maxSessionDuration",
  ${IS_SERVICE_LINKED} AS "isServiceLinked", ${PERMISSION_SET_NAME} AS "permissionSetName",
  ${PERMISSION_SET_ARN} AS "permissionSetArn"`;

function typeFilter(type: RoleType): Sql {
  switch (type) {
    case "sso":
      return sql`${SSO_TYPE} = 'object'`;
    case "service-linked":
      return role.boolean("isServiceLinked");
    case "custom":
      return sql`${SSO_TYPE} IS DISTINCT FROM 'object' AND NOT ${IS_SERVICE_LINKED}`;
  }
}

export function roleFilters(input: Omit<FindIamRolesInput, "sort" | "dir" | "page" | "pageSize">): Sql[] {
  const where = [role.asOf(input.snapshotId)];
  if (input.search) {
    const pattern = containsPattern(input.search);
    where.push(sql`(${role.text("roleName")} ILIKE ${pattern} OR ${role.naturalKey} ILIKE ${pattern})`);
  }
  if (input.roleName) where.push(sql`lower(${role.text("roleName")}) = lower(${input.roleName})`);
  if (input.accountId) where.push(sql`${role.accountId} = ${input.accountId}`);
  if (input.type) where.push(typeFilter(input.type));
  if (input.permissionSetArn) {
    where.push(sql`${PERMISSION_SET_ARN} = ${input.permissionSetArn}`);
  }
  return where;
}

/** IAM roles across the organization as of a snapshot. */
export async function findIamRoles(db: Db, input: FindIamRolesInput): Promise<Page<IamRoleRow, RoleSort>> {
  return queryPage<IamRoleRow, RoleSort>(db, {
    select: ROLE_COLUMNS,
    from: roleFrom(input.snapshotId),
    where: roleFilters(input),
    orderBy: orderBy(SORT_COLUMNS[input.sort], input.dir, role.naturalKey),
    sort: { by: input.sort, dir: input.dir },
    page: input.page,
    pageSize: input.pageSize,
  });
}
