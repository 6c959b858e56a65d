import type { Db } from "../db";
import { sql, visible } from "./sql";

export interface IdcGroupDetail {
  groupId: string;
  displayName: string | null;
  description: string | null;
  externalIds: Array<{ issuer: string; id: string }>;
}

/** One Identity Center group as of a snapshot; members and assignments are paged separately. */
export async function getIdcGroup(db: Db, snapshotId: number, groupId: string): Promise<IdcGroupDetail | null> {
  const rows = await db.$queryRaw<IdcGroupDetail[]>(sql`
    SELECT g."naturalKey" AS "groupId", g.data->>'displayName' AS "displayName",
      g.data->>'description' AS description,
      coalesce((SELECT jsonb_agg(jsonb_build_object('issuer', e->>'issuer', 'id', e->>'id'))
        FROM jsonb_array_elements(CASE WHEN jsonb_typeof(g.data->'externalIds') = 'array'
          THEN g.data->'externalIds' ELSE '[]'::jsonb END) e), '[]'::jsonb) AS "externalIds"
    FROM "EntityVersion" g
    WHERE ${visible("g", "IDC_GROUP", snapshotId)} AND g."naturalKey" = ${groupId}
    LIMIT 1`);
  return rows[0] ?? null;
}
