import type { Db } from "../db";
import { containsPattern, entityAlias, getLatestReadableSnapshot, join, sql, type Sql } from "../snapshot";
import { parseSearchQuery, type SearchQuery } from "./parse-search-query";

export const SEARCH_KINDS = ["account", "idc-user", "idc-group", "permission-set", "iam-role", "iam-user"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchHit {
  kind: SearchKind;
  /** what the entity's page is addressed by: account id, Identity Store user/group id, or ARN */
  key: string;
  label: string;
  /** a second line: email, ARN, account … */
  detail: string | null;
  accountId: string | null;
  accountName: string | null;
  /** the whole query equals the id, ARN, email or name (case-insensitive), not just a part of it */
  isExact: boolean;
}

export interface SearchResult {
  query: SearchQuery;
  snapshot: { id: number; asOf: Date } | null;
  hits: SearchHit[];
  /** a kind had more matches than `perKind`; the list shows the first ones */
  isTruncated: boolean;
  /** the one hit to jump to: the only match, or the only exact one */
  jumpTo: SearchHit | null;
}

export const DEFAULT_PER_KIND = 20;

type Row = {
  key: string;
  label: string | null;
  detail: string | null;
  accountId: string | null;
  accountName: string | null;
  isExact: boolean;
};

const account = entityAlias("ACCOUNT", "a");
const user = entityAlias("IDC_USER", "u");
const group = entityAlias("IDC_GROUP", "g");
const permissionSet = entityAlias("PERMISSION_SET", "p");
const role = entityAlias("IAM_ROLE", "r");
const iamUser = entityAlias("IAM_USER", "iu");
const owner = entityAlias("ACCOUNT", "own");

function matches(fields: Sql[], text: string): { where: Sql; exact: Sql } {
  const pattern = containsPattern(text);
  const lower = text.toLowerCase();
  const where = fields.map((field) => sql`${field} ILIKE ${pattern}`);
  const exact = fields.map((field) => sql`lower(${field}) = ${lower}`);
  return { where: sql`(${join(where, " OR ")})`, exact: sql`(${join(exact, " OR ")})` };
}

/**
 * One SELECT per kind, each bounded by `limit`, ordered exact-first then by label. Fields are the
 * ones a person would paste: ids, ARNs, emails, names.
 */
function kindQuery(kind: SearchKind, snapshotId: number, text: string, limit: number): Sql {
  const ownerJoin = (accountId: Sql) => sql`LEFT JOIN ${owner.table} ON ${owner.asOf(snapshotId)} AND ${owner.naturalKey} = ${accountId}`;
  switch (kind) {
    case "account": {
      const m = matches([account.naturalKey, account.text("name"), account.text("email")], text);
      return sql`SELECT ${account.naturalKey} AS key, ${account.text("name")} AS label, ${account.text("email")} AS detail,
        ${account.naturalKey} AS "accountId", ${account.text("name")} AS "accountName", ${m.exact} AS "isExact"
        FROM ${account.table} WHERE ${account.asOf(snapshotId)} AND ${m.where}
        ORDER BY 6 DESC, lower(${account.text("name")}) LIMIT ${limit}`;
    }
    case "idc-user": {
      const m = matches([user.naturalKey, user.text("userName"), user.text("displayName"), user.text("primaryEmail")], text);
      return sql`SELECT ${user.naturalKey} AS key, coalesce(${user.text("displayName")}, ${user.text("userName")}) AS label,
        concat_ws(' · ', ${user.text("userName")}, ${user.text("primaryEmail")}) AS detail,
        NULL AS "accountId", NULL AS "accountName", ${m.exact} AS "isExact"
        FROM ${user.table} WHERE ${user.asOf(snapshotId)} AND ${m.where}
        ORDER BY 6 DESC, lower(${user.text("userName")}) LIMIT ${limit}`;
    }
    case "idc-group": {
      const m = matches([group.naturalKey, group.text("displayName")], text);
      return sql`SELECT ${group.naturalKey} AS key, coalesce(${group.text("displayName")}, ${group.naturalKey}) AS label,
        ${group.text("description")} AS detail, NULL AS "accountId", NULL AS "accountName", ${m.exact} AS "isExact"
        FROM ${group.table} WHERE ${group.asOf(snapshotId)} AND ${m.where}
        ORDER BY 6 DESC, lower(${group.text("displayName")}) LIMIT ${limit}`;
    }
    case "permission-set": {
      const m = matches([permissionSet.naturalKey, permissionSet.text("name")], text);
      return sql`SELECT ${permissionSet.naturalKey} AS key, ${permissionSet.text("name")} AS label,
        ${permissionSet.text("description")} AS detail, NULL AS "accountId", NULL AS "accountName", ${m.exact} AS "isExact"
        FROM ${permissionSet.table} WHERE ${permissionSet.asOf(snapshotId)} AND ${m.where}
        ORDER BY 6 DESC, lower(${permissionSet.text("name")}) LIMIT ${limit}`;
    }
    case "iam-role": {
      const m = matches([role.naturalKey, role.text("roleName")], text);
      return sql`SELECT ${role.naturalKey} AS key, ${role.text("roleName")} AS label, ${role.naturalKey} AS detail,
        ${role.accountId} AS "accountId", ${owner.text("name")} AS "accountName", ${m.exact} AS "isExact"
        FROM ${role.table} ${ownerJoin(role.accountId)} WHERE ${role.asOf(snapshotId)} AND ${m.where}
        ORDER BY 6 DESC, lower(${role.text("roleName")}), ${role.naturalKey} LIMIT ${limit}`;
    }
    case "iam-user": {
      const m = matches([iamUser.naturalKey, iamUser.text("userName")], text);
      return sql`SELECT ${iamUser.naturalKey} AS key, ${iamUser.text("userName")} AS label, ${iamUser.naturalKey} AS detail,
        ${iamUser.accountId} AS "accountId", ${owner.text("name")} AS "accountName", ${m.exact} AS "isExact"
        FROM ${iamUser.table} ${ownerJoin(iamUser.accountId)} WHERE ${iamUser.asOf(snapshotId)} AND ${m.where}
        ORDER BY 6 DESC, lower(${iamUser.text("userName")}), ${iamUser.naturalKey} LIMIT ${limit}`;
    }
  }
}

/** Which kinds a query of this shape can name: an email is no role name, an account id no group. */
function kindsFor(query: SearchQuery): readonly SearchKind[] {
  switch (query.shape) {
    case "account-id":
      // Every role and user ARN of the account contains its id: the account's page lists them.
      return ["account"];
    case "arn":
      return ["account", "permission-set", "iam-role", "iam-user"];
    case "email":
      return ["idc-user", "account", "iam-user"];
    case "text":
      return SEARCH_KINDS;
  }
}

/**
 * Global search over the latest readable snapshot (inventory only, so it answers without
 * CloudTrail): accounts by id, name or email; Identity Center users by id, user name, display
 * name or email; groups, permission sets, IAM roles and IAM users by name or ARN.
 */
export async function searchInventory(db: Db, input: { query: string; perKind?: number }): Promise<SearchResult> {
  const query = parseSearchQuery(input.query);
  const perKind = input.perKind ?? DEFAULT_PER_KIND;
  const snapshot = await getLatestReadableSnapshot(db);
  if (!snapshot) return { query, snapshot: null, hits: [], isTruncated: false, jumpTo: null };
  const kinds = kindsFor(query);
  const perKindRows = await Promise.all(
    kinds.map(async (kind) => ({ kind, rows: await db.$queryRaw<Row[]>(kindQuery(kind, snapshot.id, query.text, perKind + 1)) })),
  );
  let isTruncated = false;
  const hits: SearchHit[] = [];
  for (const { kind, rows } of perKindRows) {
    if (rows.length > perKind) isTruncated = true;
    for (const row of rows.slice(0, perKind)) {
      hits.push({
        kind,
        key: row.key,
        label: row.label ?? row.key,
        detail: row.detail || null,
        accountId: row.accountId,
        accountName: row.accountName,
        isExact: row.isExact,
      });
    }
  }
  const exact = hits.filter((hit) => hit.isExact);
  const jumpTo = !isTruncated && hits.length === 1 ? hits[0]! : exact.length === 1 ? exact[0]! : null;
  return { query, snapshot: { id: snapshot.id, asOf: snapshot.asOf }, hits, isTruncated, jumpTo };
}
