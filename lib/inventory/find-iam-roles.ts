import { z } from "zod";
import type { Db } from "../db";
import { optionalText, pagingSchema, sortParam, snapshotParam, type Page, type SortDirection } from "./list-query";
import { orderBy, queryPage } from "./query-page";
import { containsPattern, raw, sql, visible, type Sql } from "./sql";

export const ROLE_SORTS = ["name", "account", "path", "createdAt", "lastUsedAt", "maxSession"] as const;
export type RoleSort = (typeof ROLE_SORTS)[number];
/** sso: Identity Center reserved roles; service-linked; custom: everything else. */
export const ROLE_TYPES = ["sso", "service-linked", "custom"] as const;
export type RoleType = (typeof ROLE_TYPES)[number];

export const roleListParams = z.object({
  snapshot: snapshotParam,
  search: optionalText,
  accountId: z.string().regex(/^\d{12}$/, "accountId must be a 12-digit account id").optional(),
  type: z.enum(ROLE_TYPES).optional(),
  permissionSetArn: optionalText,
  sort: sortParam(ROLE_SORTS, "name"),
  ...pagingSchema,
});

export interface FindIamRolesInput {
  snapshotId: number;
  /** matches role name or ARN */
  search?: string;
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

const SORT_COLUMNS: Record<RoleSort, Sql> = {
  name: sql`lower(r.data->>'roleName')`,
  account: sql`lower(coalesce(a.data->>'name', r."accountId"))`,
  path: sql`r.data->>'path'`,
  createdAt: sql`r.data->>'createdAt'`,
  lastUsedAt: sql`r.data->>'lastUsedAt'`,
  maxSession: sql`(r.data->>'maxSessionDuration')::int`,
};

/**
 * The roles, their account and — for reserved SSO roles — their permission set. The collector
 * fills `identityCenter.permissionSetArn` when it matched the name; otherwise the name is looked
 * up among the snapshot's permission sets (names are unique within an Identity Center instance).
 */
export function roleFrom(snapshotId: number): Sql {
  // A join on a per-snapshot name → ARN table (hashed once) rather than a lookup per role.
  return sql`"EntityVersion" r
    LEFT JOIN "EntityVersion" a ON ${visible("a", "ACCOUNT", snapshotId)} AND a."naturalKey" = r."accountId"
    LEFT JOIN (SELECT DISTINCT ON (p.data->>'name') p.data->>'name' AS name, p."naturalKey" AS arn
      FROM "EntityVersion" p WHERE ${visible("p", "PERMISSION_SET", snapshotId)}
      ORDER BY p.data->>'name', p."naturalKey") psn ON psn.name = r.data#>>'{identityCenter,permissionSetName}'`;
}

/** The role's permission set ARN: the collector's match, else the one named like the role's suffix. */
const PERMISSION_SET_ARN = sql`coalesce(r.data#>>'{identityCenter,permissionSetArn}', psn.arn)`;

export const ROLE_COLUMNS = raw(`r."naturalKey" AS arn, r."accountId" AS "accountId", a.data->>'name' AS "accountName",
  r.data->>'roleName' AS "roleName", r.data->>'path' AS path, r.data->>'createdAt' AS "createdAt",
  r.data->>'lastUsedAt' AS "lastUsedAt", (r.data->>'maxSessionDuration')::int AS "maxSessionDuration",
  coalesce((r.data->>'isServiceLinked')::boolean, false) AS "isServiceLinked",
  r.data#>>'{identityCenter,permissionSetName}' AS "permissionSetName",
  coalesce(r.data#>>'{identityCenter,permissionSetArn}', psn.arn) AS "permissionSetArn"`);

function typeFilter(type: RoleType): Sql {
  switch (type) {
    case "sso":
      return sql`jsonb_typeof(r.data->'identityCenter') = 'object'`;
    case "service-linked":
      return sql`(r.data->>'isServiceLinked')::boolean`;
    case "custom":
      return sql`jsonb_typeof(r.data->'identityCenter') IS DISTINCT FROM 'object'
        AND NOT coalesce((r.data->>'isServiceLinked')::boolean, false)`;
  }
}

function roleFilters(input: FindIamRolesInput): Sql[] {
  const where = [visible("r", "IAM_ROLE", input.snapshotId)];
  if (input.search) {
    const pattern = containsPattern(input.search);
    where.push(sql`(r.data->>'roleName' ILIKE ${pattern} OR r."naturalKey" ILIKE ${pattern})`);
  }
  if (input.accountId) where.push(sql`r."accountId" = ${input.accountId}`);
  if (input.type) where.push(typeFilter(input.type));
  if (input.permissionSetArn) {
    where.push(sql`${PERMISSION_SET_ARN} = ${input.permissionSetArn}`);
  }
  return where;
}

/** IAM roles across the organization as of a snapshot. */
export async function findIamRoles(db: Db, input: FindIamRolesInput): Promise<Page<IamRoleRow>> {
  return queryPage<IamRoleRow>(db, {
    select: ROLE_COLUMNS,
    from: roleFrom(input.snapshotId),
    where: roleFilters(input),
    orderBy: orderBy(SORT_COLUMNS[input.sort], input.dir, sql`r."naturalKey"`),
    page: input.page,
    pageSize: input.pageSize,
  });
}
