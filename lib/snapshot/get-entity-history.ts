import type { Db } from "../db";
import type { EntityKind } from "./entity-kinds";
import type { EntityData } from "./entity-records";
import { isReadableSnapshot } from "./readable-snapshot";
import { sql } from "./sql";

export interface EntityVersionRow<T = EntityData> {
  naturalKey: string;
  accountId: string | null;
  contentHash: string;
  data: T;
  validFrom: number;
  validTo: number | null;
  /** asOf of the snapshots that opened and closed this version */
  validFromAsOf: Date | null;
  validToAsOf: Date | null;
}

/**
 * Every version of one entity, oldest first, from readable snapshots only: versions opened by a
 * RUNNING snapshot are left out, and a close by a RUNNING snapshot still shows as open.
 */
export async function getEntityHistory<T = EntityData>(db: Db, kind: EntityKind, naturalKey: string): Promise<EntityVersionRow<T>[]> {
  return db.$queryRaw<EntityVersionRow<T>[]>(sql`
    SELECT v."naturalKey", v."accountId", v."contentHash", v.data, v."validFrom",
           CASE WHEN ${isReadableSnapshot("t")} THEN v."validTo" END AS "validTo",
           f."asOf" AS "validFromAsOf",
           CASE WHEN ${isReadableSnapshot("t")} THEN t."asOf" END AS "validToAsOf"
      FROM "EntityVersion" v
      JOIN "Snapshot" f ON f.id = v."validFrom" AND ${isReadableSnapshot("f")}
      LEFT JOIN "Snapshot" t ON t.id = v."validTo"
     WHERE v.kind = ${kind}::"EntityKind" AND v."naturalKey" = ${naturalKey}
     ORDER BY v."validFrom"`);
}
