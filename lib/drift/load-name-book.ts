import type { Db } from "../db";
import { entityAlias, sql, type EntityAlias, type EntityData, type Sql } from "../snapshot";
import type { NameBook } from "./entity-label";

interface NameRow {
  kind: "ACCOUNT" | "IDC_USER" | "IDC_GROUP" | "PERMISSION_SET";
  naturalKey: string;
  name: string | null;
}

/** The ids an item's label needs a name for. */
export function referencedIds(accountId: string | null, data: EntityData): string[] {
  const ids = [accountId, data.accountId, data.userId, data.groupId, data.principalId, data.permissionSetArn];
  return ids.filter((id): id is string => typeof id === "string" && id !== "");
}

/**
 * Names of the accounts, Identity Center users and groups and permission sets among `ids`, as of
 * either snapshot (the newer name wins), so a removed assignment is still labelled by name.
 */
export async function loadNameBook(db: Db, snapshotIds: [number, number], ids: string[]): Promise<NameBook> {
  const book: NameBook = { accounts: new Map(), users: new Map(), groups: new Map(), permissionSets: new Map() };
  if (ids.length === 0) return book;
  const [older, newer] = [...snapshotIds].sort((a, b) => a - b) as [number, number];
  const keys = [...new Set(ids)];
  const namesOf = <K extends NameRow["kind"]>(alias: EntityAlias<K>, name: Sql) => sql`
    SELECT ${alias.kind}::text AS kind, ${alias.naturalKey} AS "naturalKey", ${name} AS name, ${alias.validFrom} AS "validFrom"
      FROM ${alias.table}
     WHERE ((${alias.asOf(older)}) OR (${alias.asOf(newer)})) AND ${alias.naturalKey} = ANY(${keys})`;
  const account = entityAlias("ACCOUNT", "a");
  const user = entityAlias("IDC_USER", "u");
  const group = entityAlias("IDC_GROUP", "g");
  const permissionSet = entityAlias("PERMISSION_SET", "p");
  const rows = await db.$queryRaw<NameRow[]>(sql`
    SELECT kind, "naturalKey", name FROM (
      ${namesOf(account, account.text("name"))}
      UNION ALL ${namesOf(user, user.text("userName"))}
      UNION ALL ${namesOf(group, group.text("displayName"))}
      UNION ALL ${namesOf(permissionSet, permissionSet.text("name"))}
    ) n ORDER BY "validFrom"`);
  const maps = { ACCOUNT: book.accounts, IDC_USER: book.users, IDC_GROUP: book.groups, PERMISSION_SET: book.permissionSets };
  for (const row of rows) if (row.name) maps[row.kind].set(row.naturalKey, row.name);
  return book;
}
