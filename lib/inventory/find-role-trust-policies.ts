import type { Db } from "../db";
import type { PolicyDocument } from "../aws";
import { sql } from "../snapshot";
import { role } from "./find-iam-roles";

/** The trust policies of some roles as of a snapshot (a list page's rows), by role ARN. */
export async function findRoleTrustPolicies(
  db: Db,
  snapshotId: number,
  arns: readonly string[],
): Promise<Map<string, PolicyDocument | null>> {
  if (arns.length === 0) return new Map();
  const rows = await db.$queryRaw<Array<{ arn: string; trustPolicy: PolicyDocument | null }>>(sql`
    SELECT ${role.naturalKey} AS arn, ${role.json("trustPolicy")} AS "trustPolicy"
    FROM ${role.table} WHERE ${role.asOf(snapshotId)} AND ${role.naturalKey} = ANY(${[...arns]})`);
  return new Map(rows.map((row) => [row.arn, row.trustPolicy]));
}
