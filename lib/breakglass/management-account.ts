import { DescribeOrganizationCommand } from "@aws-sdk/client-organizations";
import { isAwsFailure, type ClientPool, type Organization } from "../aws";
import type { Db } from "../db";
import { findEntities, getLatestReadableSnapshot } from "../snapshot";
import { rotationClientsFromPool } from "./rotation-clients";
import type { RotationClients } from "./rotate-iam-credential";

/**
 * The organization's management account, reached with the base credentials rather than the audit
 * role (as the collectors do, unless VIGIL_AWS_ASSUME_IN_MANAGEMENT_ACCOUNT): the configured id, else
 * the newest readable snapshot's organization, else DescribeOrganization (before the first
 * snapshot). Undefined when AWS cannot say: every account is then reached through the audit role.
 */
export async function findManagementAccountId(db: Db, pool: ClientPool): Promise<string | undefined> {
  if (pool.config.managementAccountId) return pool.config.managementAccountId;
  const snapshot = await getLatestReadableSnapshot(db);
  if (snapshot) {
    const { rows } = await findEntities<Organization>(db, { snapshotId: snapshot.id, kind: "ORGANIZATION", pageSize: 1 });
    const fromSnapshot = rows[0]?.data.managementAccountId;
    if (fromSnapshot) return fromSnapshot;
  }
  try {
    const { Organization: organization } = await pool.organizations().send(new DescribeOrganizationCommand({}));
    return organization?.MasterAccountId;
  } catch (error) {
    if (isAwsFailure(error)) return undefined;
    throw error;
  }
}

/** Rotation clients for the organization Vigil audits: rotationClientsFromPool with its management account. */
export async function rotationClientsForOrganization(db: Db, pool: ClientPool): Promise<(accountId: string) => RotationClients> {
  return rotationClientsFromPool(pool, await findManagementAccountId(db, pool));
}
