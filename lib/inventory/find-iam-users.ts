import { z } from "zod";
import type { Db } from "../db";
import type { AccessKeyActivity } from "../aws";
import { containsPattern, entityAlias, orderBy, queryPage, sql, type Sql } from "../snapshot";
import { account } from "./find-accounts";
import { optionalText, pagingSchema, sortParam, snapshotParam, yesNo, type Page, type SortDirection } from "./list-query";

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
  accountId: z
    .string()
    .regex(/^\d{12}$/, "accountId must be a 12-digit account id")
    .optional(),
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

const user = entityAlias("IAM_USER", "u");
/** the user's row of the account's credential report */
const credential = entityAlias("IAM_CREDENTIAL", "c");

const key = (index: 0 | 1, field: "active" | "lastRotatedAt" | "lastUsedAt"): Sql => credential.textAt("accessKeys", `${index}`, field);

const SORT_COLUMNS: Record<UserSort, Sql> = {
  name: sql`lower(${user.text("userName")})`,
  account: sql`lower(coalesce(${account.text("name")}, ${user.accountId}))`,
  createdAt: user.text("createdAt"),
  passwordLastUsedAt: credential.text("passwordLastUsedAt"),
  passwordLastChangedAt: credential.text("passwordLastChangedAt"),
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
  const where = [user.asOf(input.snapshotId)];
  if (input.search) {
    const pattern = containsPattern(input.search);
    where.push(sql`(${user.text("userName")} ILIKE ${pattern} OR ${user.naturalKey} ILIKE ${pattern})`);
  }
  if (input.accountId) where.push(sql`${user.accountId} = ${input.accountId}`);
  if (input.mfa) where.push(flag(credential.boolean("mfaActive"), input.mfa));
  if (input.console) where.push(flag(credential.boolean("passwordEnabled"), input.console));
  if (input.activeKeys) where.push(flag(anyActiveKey, input.activeKeys));
  return where;
}

type Row = Omit<IamUserRow, "accessKeys"> & { accessKeys: AccessKeyActivity[] | null };

/** IAM users with their credential-report row (password, MFA, access keys) as of a snapshot. */
export async function findIamUsers(db: Db, input: FindIamUsersInput): Promise<Page<IamUserRow, UserSort>> {
  const page = await queryPage<Row, UserSort>(db, {
    select: sql`${user.naturalKey} AS arn, ${user.accountId} AS "accountId", ${account.text("name")} AS "accountName",
      ${user.text("userName")} AS "userName", ${user.text("path")} AS path, ${user.text("createdAt")} AS "createdAt",
      coalesce(${user.json("groupNames")}, '[]'::jsonb) AS "groupNames", ${credential.id} IS NOT NULL AS "hasCredentialReport",
      ${credential.boolean("passwordEnabled")} AS "consoleAccess",
      ${credential.text("passwordLastUsedAt")} AS "passwordLastUsedAt",
      ${credential.text("passwordLastChangedAt")} AS "passwordLastChangedAt",
      ${credential.boolean("mfaActive")} AS "mfaActive", ${credential.json("accessKeys")} AS "accessKeys"`,
    from: sql`${user.table}
      LEFT JOIN ${account.table} ON ${account.asOf(input.snapshotId)} AND ${account.naturalKey} = ${user.accountId}
      LEFT JOIN ${credential.table} ON ${credential.asOf(input.snapshotId)} AND ${credential.naturalKey} = ${user.naturalKey}`,
    where: userFilters(input),
    orderBy: orderBy(SORT_COLUMNS[input.sort], input.dir, user.naturalKey),
    sort: { by: input.sort, dir: input.dir },
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
