import type { Db } from "../db";
import { entityAlias, sql } from "../snapshot";
import { account } from "./find-accounts";

export interface AccountOption {
  id: string;
  name: string;
}

const ou = entityAlias("ORG_UNIT", "u");

/** Every account of a snapshot, for "filter by account" selects. */
export async function findAccountOptions(db: Db, snapshotId: number): Promise<AccountOption[]> {
  return db.$queryRaw<AccountOption[]>(sql`
    SELECT ${account.naturalKey} AS id, coalesce(${account.text("name")}, ${account.naturalKey}) AS name
    FROM ${account.table} WHERE ${account.asOf(snapshotId)}
    ORDER BY lower(${account.text("name")}), ${account.naturalKey}`);
}

/** Every OU path of a snapshot (and each of its ancestors), for the accounts list's OU filter. */
export async function findOuPaths(db: Db, snapshotId: number): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ path: string }>>(sql`
    SELECT DISTINCT ${account.text("ouPath")} AS path FROM ${account.table}
    WHERE ${account.asOf(snapshotId)} AND ${account.text("ouPath")} IS NOT NULL
    UNION
    SELECT DISTINCT ${ou.text("path")} FROM ${ou.table}
    WHERE ${ou.asOf(snapshotId)} AND ${ou.text("path")} IS NOT NULL`);
  const paths = new Set<string>();
  for (const { path } of rows) {
    const parts = path.split("/");
    for (let i = 1; i <= parts.length; i++) paths.add(parts.slice(0, i).join("/"));
  }
  return [...paths].sort();
}
