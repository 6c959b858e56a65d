import type { Db } from "../db";
import { entityAlias, sql } from "../snapshot";

export interface IdcGroupDetail {
  groupId: string;
  displayName: string | null;
  description: string | null;
  externalIds: Array<{ issuer: string; id: string }>;
}

const group = entityAlias("IDC_GROUP", "g");

/** One Identity Center group as of a snapshot; members and assignments are paged separately. */
export async function getIdcGroup(db: Db, snapshotId: number, groupId: string): Promise<IdcGroupDetail | null> {
  const rows = await db.$queryRaw<IdcGroupDetail[]>(sql`
    SELECT ${group.naturalKey} AS "groupId", ${group.text("displayName")} AS "displayName",
      ${group.text("description")} AS description,
      coalesce((SELECT jsonb_agg(jsonb_build_object('issuer', e->>'issuer', 'id', e->>'id'))
        FROM jsonb_array_elements(CASE WHEN jsonb_typeof(${group.json("externalIds")}) = 'array'
          THEN ${group.json("externalIds")} ELSE '[]'::jsonb END) e), '[]'::jsonb) AS "externalIds"
    FROM ${group.table}
    WHERE ${group.asOf(snapshotId)} AND ${group.naturalKey} = ${groupId}
    LIMIT 1`);
  return rows[0] ?? null;
}
