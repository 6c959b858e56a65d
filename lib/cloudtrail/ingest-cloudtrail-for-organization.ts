import type { AwsConfig, OrgAccount, Organization } from "../aws";
import type { Db } from "../db";
import { findEntities, getLatestReadableSnapshot } from "../snapshot";
import { ingestCloudTrail, type IngestCloudTrailInput, type IngestCloudTrailResult } from "./ingest-cloudtrail";

const PAGE_SIZE = 500;

/** ACTIVE accounts (and the management account id) of the newest readable snapshot. */
export async function findIngestTargets(db: Db): Promise<{ accountIds: string[]; managementAccountId?: string } | null> {
  const snapshot = await getLatestReadableSnapshot(db);
  if (!snapshot) return null;
  const accountIds: string[] = [];
  for (let page = 1; ; page++) {
    const { rows, total } = await findEntities<OrgAccount>(db, { snapshotId: snapshot.id, kind: "ACCOUNT", page, pageSize: PAGE_SIZE });
    for (const row of rows) if (row.data.status === "ACTIVE") accountIds.push(row.data.id);
    if (page * PAGE_SIZE >= total) break;
  }
  const { rows } = await findEntities<Organization>(db, { snapshotId: snapshot.id, kind: "ORGANIZATION", pageSize: 1 });
  return { accountIds, managementAccountId: rows[0]?.data.managementAccountId };
}

export type OrganizationIngestResult = IngestCloudTrailResult | { skipped: "no snapshot yet" };

/**
 * The scheduled job's work: the LookupEvents sweep over the accounts the latest snapshot knows.
 * Before the first snapshot there is nothing to sweep (accounts come from Organizations).
 */
export async function ingestCloudTrailForOrganization(
  db: Db,
  input: { config: AwsConfig } & Omit<IngestCloudTrailInput, "config" | "accounts" | "managementAccountId">,
): Promise<OrganizationIngestResult> {
  const targets = await findIngestTargets(db);
  if (!targets) return { skipped: "no snapshot yet" };
  return ingestCloudTrail(db, { ...input, accounts: targets.accountIds, managementAccountId: targets.managementAccountId });
}
