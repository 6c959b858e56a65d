import type { Db } from "../db";
import type { TrustDirectory } from "../policy";
import { entityAlias, sql } from "../snapshot";
import { account } from "./find-accounts";

const organization = entityAlias("ORGANIZATION", "o");
const permissionSet = entityAlias("PERMISSION_SET", "p");

/**
 * What a trust policy is read against as of a snapshot (lib/policy's TrustDirectory): the
 * organization's accounts by name, its id, and its permission sets by name.
 */
export async function getTrustDirectory(db: Db, snapshotId: number): Promise<TrustDirectory> {
  const [accounts, organizations, permissionSets] = await Promise.all([
    db.$queryRaw<Array<{ id: string; name: string | null }>>(sql`
      SELECT ${account.naturalKey} AS id, ${account.text("name")} AS name FROM ${account.table} WHERE ${account.asOf(snapshotId)}`),
    db.$queryRaw<Array<{ id: string | null }>>(sql`
      SELECT ${organization.text("id")} AS id FROM ${organization.table} WHERE ${organization.asOf(snapshotId)} LIMIT 1`),
    db.$queryRaw<Array<{ name: string; arn: string }>>(sql`
      SELECT ${permissionSet.text("name")} AS name, ${permissionSet.naturalKey} AS arn
      FROM ${permissionSet.table} WHERE ${permissionSet.asOf(snapshotId)} AND ${permissionSet.text("name")} IS NOT NULL`),
  ]);
  return {
    // An account without a readable name is still in the organization: named by its id.
    accountNames: new Map(accounts.map((a) => [a.id, a.name ?? a.id])),
    organizationId: organizations[0]?.id ?? null,
    permissionSetArns: new Map(permissionSets.map((p) => [p.name, p.arn])),
  };
}
