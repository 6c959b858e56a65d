import type { Db } from "../db";
import { sql, visible } from "./sql";

export interface AccountOption {
  id: string;
  name: string;
}

/** Every account of a snapshot, for "filter by account" selects. */
export async function findAccountOptions(db: Db, snapshotId: number): Promise<AccountOption[]> {
  return db.$queryRaw<AccountOption[]>(sql`
    SELECT a."naturalKey" AS id, coalesce(a.data->>'name', a."naturalKey") AS name
    FROM "EntityVersion" a WHERE ${visible("a", "ACCOUNT", snapshotId)}
    ORDER BY lower(a.data->>'name'), a."naturalKey"`);
}

/** Every OU path of a snapshot (and each of its ancestors), for the accounts list's OU filter. */
export async function findOuPaths(db: Db, snapshotId: number): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ path: string }>>(sql`
    SELECT DISTINCT a.data->>'ouPath' AS path FROM "EntityVersion" a
    WHERE ${visible("a", "ACCOUNT", snapshotId)} AND a.data->>'ouPath' IS NOT NULL
    UNION
    SELECT DISTINCT u.data->>'path' FROM "EntityVersion" u
    WHERE ${visible("u", "ORG_UNIT", snapshotId)} AND u.data->>'path' IS NOT NULL`);
  const paths = new Set<string>();
  for (const { path } of rows) {
    const parts = path.split("/");
    for (let i = 1; i <= parts.length; i++) paths.add(parts.slice(0, i).join("/"));
  }
  return [...paths].sort();
}
