import { z } from "zod";
import type { Db } from "../db";
import type { AccessKeyActivity } from "../aws";
import { optionalText, pagingSchema, sortParam, snapshotParam, yesNo, type Page, type SortDirection } from "./list-query";
import { orderBy, queryPage } from "./query-page";
import { containsPattern, raw, sql, visible, type Sql } from "./sql";

export const USER_SORTS = [
  "name",
  "account",
  "createdAt",
  "passwordLastUsedAt",
  "passwordLastChangedAt",
  "key1RotatedAt",
  "key1LastUsedAt",
  "key2RotatedAt",
  "key2LastUsedAt",
] as const;
export type UserSort = (typeof USER_SORTS)[number];

export const iamUserListParams = z.object({
  snapshot: snapshotParam,
  search: optionalText,
  accountId: z.string().regex(/^\d{12}$/, "accountId must be a 12-digit account id").optional(),
  mfa: yesNo,
  console: yesNo,
  activeKeys: yesNo,
  sort: sortParam(USER_SORTS, "name"),
  ...pagingSchema,
});

export interface FindIamUsersInput {
  snapshotId: number;
  search?: string;
  accountId?: string;
  mfa?: "yes" | "no";
  /** console access = a password is enabled */
  console?: "yes" | "no";
  activeKeys?: "yes" | "no";
  sort: UserSort;
  dir: SortDirection;
  page: number;
  pageSize: number;
}

export type AccessKeySummary = Pick<AccessKeyActivity, "active" | "lastRotatedAt" | "lastUsedAt" | "lastUsedService">;

export interface IamUserRow {
  arn: string;
  accountId: string;
  accountName: string | null;
  userName: string;
  path: string;
  createdAt: string | null;
  groupNames: string[];
  /** false when the account's credential report was not collected: the fields below are unknown */
  hasCredentialReport: boolean;
  consoleAccess: boolean | null;
  passwordLastUsedAt: string | null;
  passwordLastChangedAt: string | null;
  mfaActive: boolean | null;
  accessKeys: AccessKeySummary[];
}

const key = (index: 0 | 1, field: "active" | "lastRotatedAt" | "lastUsedAt"): Sql =>
  raw(`c.data#>>'{accessKeys,${index},${field}}'`);

const SORT_COLUMNS: Record<UserSort, Sql> = {
  name: sql`lower(u.data->>'userName')`,
  account: sql`lower(coalesce(a.data->>'name', u."accountId"))`,
  createdAt: sql`u.data->>'createdAt'`,
  passwordLastUsedAt: sql`c.data->>'passwordLastUsedAt'`,
  passwordLastChangedAt: sql`c.data->>'passwordLastChangedAt'`,
  key1RotatedAt: key(0, "lastRotatedAt"),
  key1LastUsedAt: key(0, "lastUsedAt"),
  key2RotatedAt: key(1, "lastRotatedAt"),
  key2LastUsedAt: key(1, "lastUsedAt"),
};

const anyActiveKey = sql`(coalesce((${key(0, "active")})::boolean, false) OR coalesce((${key(1, "active")})::boolean, false))`;

function flag(expression: Sql, value: "yes" | "no"): Sql {
  return value === "yes" ? sql`${expression} IS TRUE` : sql`${expression} IS NOT TRUE`;
}

function userFilters(input: FindIamUsersInput): Sql[] {
  const where = [visible("u", "IAM_USER", input.snapshotId)];
  if (input.search) {
    const pattern = containsPattern(input.search);
    where.push(sql`(u.data->>'userName' ILIKE ${pattern} OR u."naturalKey" ILIKE ${pattern})`);
  }
  if (input.accountId) where.push(sql`u."accountId" = ${input.accountId}`);
  if (input.mfa) where.push(flag(sql`(c.data->>'mfaActive')::boolean`, input.mfa));
  if (input.console) where.push(flag(sql`(c.data->>'passwordEnabled')::boolean`, input.console));
  if (input.activeKeys) where.push(flag(anyActiveKey, input.activeKeys));
  return where;
}

type Row = Omit<IamUserRow, "accessKeys"> & { accessKeys: AccessKeyActivity[] | null };

/** IAM users with their credential-report row (password, MFA, access keys) as of a snapshot. */
export async function findIamUsers(db: Db, input: FindIamUsersInput): Promise<Page<IamUserRow>> {
  const page = await queryPage<Row>(db, {
    select: sql`u."naturalKey" AS arn, u."accountId" AS "accountId", a.data->>'name' AS "accountName",
      u.data->>'userName' AS "userName", u.data->>'path' AS path, u.data->>'createdAt' AS "createdAt",
      coalesce(u.data->'groupNames', '[]'::jsonb) AS "groupNames", c.id IS NOT NULL AS "hasCredentialReport",
      (c.data->>'passwordEnabled')::boolean AS "consoleAccess",
      c.data->>'passwordLastUsedAt' AS "passwordLastUsedAt",
      c.data->>'passwordLastChangedAt' AS "passwordLastChangedAt",
      (c.data->>'mfaActive')::boolean AS "mfaActive", c.data->'accessKeys' AS "accessKeys"`,
    from: sql`"EntityVersion" u
      LEFT JOIN "EntityVersion" a ON ${visible("a", "ACCOUNT", input.snapshotId)} AND a."naturalKey" = u."accountId"
      LEFT JOIN "EntityVersion" c ON ${visible("c", "IAM_CREDENTIAL", input.snapshotId)} AND c."naturalKey" = u."naturalKey"`,
    where: userFilters(input),
    orderBy: orderBy(SORT_COLUMNS[input.sort], input.dir, sql`u."naturalKey"`),
    page: input.page,
    pageSize: input.pageSize,
  });
  return {
    ...page,
    rows: page.rows.map(({ accessKeys, ...row }) => ({
      ...row,
      accessKeys: (accessKeys ?? []).map((k) => ({
        active: k.active,
        lastRotatedAt: k.lastRotatedAt,
        lastUsedAt: k.lastUsedAt,
        lastUsedService: k.lastUsedService,
      })),
    })),
  };
}
