import type { Db } from "../db";
import { entityAlias, sql } from "../snapshot";

/** An Identity Center user as an event or a change names them: by id or by user name. */
export interface IdcPerson {
  userId: string;
  userName: string;
  displayName: string | null;
  email: string | null;
}

const user = entityAlias("IDC_USER", "u");
/** A page names a few dozen people at most; more ids than this are a caller's bug, not a query to run. */
const MAX_LOOKUPS = 5_000;

/**
 * The Identity Center users of snapshot `snapshotId` among `userIds` or `userNames` (CloudTrail's
 * Federate names a user by Identity Store id, AssumeRoleWithSAML and role sessions by user name).
 * User names are matched case-insensitively, as Identity Center treats them.
 */
export async function findIdcPeople(
  db: Db,
  snapshotId: number,
  refs: { userIds?: readonly string[]; userNames?: readonly string[] },
): Promise<IdcPerson[]> {
  const ids = [...new Set(refs.userIds ?? [])].slice(0, MAX_LOOKUPS);
  const names = [...new Set((refs.userNames ?? []).map((name) => name.toLowerCase()))].slice(0, MAX_LOOKUPS);
  if (ids.length === 0 && names.length === 0) return [];
  return db.$queryRaw<IdcPerson[]>(sql`
    SELECT ${user.naturalKey} AS "userId", ${user.text("userName")} AS "userName",
           ${user.text("displayName")} AS "displayName", ${user.text("primaryEmail")} AS email
      FROM ${user.table}
     WHERE ${user.asOf(snapshotId)}
       AND (${user.naturalKey} = ANY(${ids}::text[]) OR lower(${user.text("userName")}) = ANY(${names}::text[]))`);
}
