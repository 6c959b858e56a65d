import { linkReservedRoles, type AccountCoverage, type AccountIam, type InventoryCoverage, type OrgInventory } from "../aws";
import { capCoverage } from "./cap-coverage";
import { LAYOUT } from "./layout";
import { mapAwsManagedPolicies } from "./map-aws-managed-policies";
import { mapAccountIam } from "./map-iam";
import { mapIdentityCenter } from "./map-identity-center";
import { mapOrganizations } from "./map-organizations";
import { mapServiceControlPolicies } from "./map-service-control-policies";
import type { ImportFiles } from "./read-import-directory";

export interface ImportReport {
  /** files read, relative to the import root */
  read: string[];
  /** files present but not part of the layout */
  ignored: string[];
  /** layout files that were not present (their data is marked not collected, never as deleted) */
  missing: string[];
  notes: string[];
}

/** The newest timestamp the data itself carries (report generation, last use, creation, change). */
export function newestDataTime(inventory: OrgInventory): string | null {
  let newest: string | null = null;
  const see = (value: string | null | undefined) => {
    if (value && (newest === null || value > newest)) newest = value;
  };
  for (const account of inventory.accounts) see(account.joinedAt);
  for (const iam of Object.values(inventory.iamByAccount)) {
    see(iam.credentialReport?.generatedAt);
    for (const row of iam.credentialReport?.rows ?? []) {
      see(row.userCreatedAt);
      see(row.passwordLastUsedAt);
      see(row.passwordLastChangedAt);
      for (const key of row.accessKeys) {
        see(key.lastUsedAt);
        see(key.lastRotatedAt);
      }
    }
    for (const role of iam.roles) {
      see(role.createdAt);
      see(role.lastUsedAt);
    }
    for (const user of iam.users) see(user.createdAt);
    for (const group of iam.groups) see(group.createdAt);
    for (const policy of iam.policies) {
      see(policy.createdAt);
      see(policy.updatedAt);
    }
  }
  for (const ps of inventory.identityCenter?.permissionSets ?? []) see(ps.createdAt);
  see(inventory.identityCenter?.instance.createdAt);
  return newest;
}

export function toOrgInventory(
  files: ImportFiles,
  now: Date = new Date(),
  opts: { loadBundledManagedPolicies?: Parameters<typeof mapAwsManagedPolicies>[2] } = {},
): { inventory: OrgInventory; report: ImportReport } {
  const org = mapOrganizations(files);
  const idc = mapIdentityCenter(files);
  const missing: string[] = [];
  const notes = [...org.notes, ...idc.notes];

  const iamByAccount: Record<string, AccountIam> = {};
  const accounts: Record<string, AccountCoverage> = {};
  for (const account of org.accounts) {
    const isActive = account.status === "ACTIVE";
    accounts[account.id] = {
      accountId: account.id,
      iam: "SKIPPED",
      authorizationDetails: "SKIPPED",
      credentialReport: "SKIPPED",
      reason: isActive ? "no IAM files in the import" : `account is ${account.status}`,
    };
    if (isActive && !files.iam.has(account.id)) missing.push(`iam/${account.id}/`);
    if (!files.accountTags.has(account.id)) missing.push(LAYOUT.accountTags(account.id));
  }
  for (const [accountId, accountFiles] of [...files.iam.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const isTruncated = files.truncated.has(LAYOUT.authorizationDetails(accountId)) || files.truncated.has(LAYOUT.listRoles(accountId));
    const mapped = mapAccountIam(accountId, accountFiles, { isTruncated });
    iamByAccount[accountId] = mapped.iam;
    accounts[accountId] = mapped.coverage;
    if (!accountFiles.authorizationDetails) missing.push(LAYOUT.authorizationDetails(accountId));
    if (!accountFiles.listRoles) missing.push(LAYOUT.listRoles(accountId));
    if (!accountFiles.credentialReport) missing.push(LAYOUT.credentialReportCsv(accountId));
  }
  // Ties each AWSReservedSSO_ role to its permission set, as the live collector does.
  linkReservedRoles(iamByAccount, idc.inventory?.permissionSets ?? []);

  const expected: Array<[string, unknown]> = [
    [LAYOUT.describeOrganization, files.organization],
    [LAYOUT.listRoots, files.roots],
    [LAYOUT.listAccounts, files.accounts],
    [LAYOUT.listInstances, files.identityCenter.instances],
    [LAYOUT.users, files.identityCenter.users],
    [LAYOUT.groups, files.identityCenter.groups],
    [LAYOUT.groupMemberships, files.identityCenter.memberships],
    [`${LAYOUT.permissionSetsDir}/`, files.identityCenter.permissionSets],
    [LAYOUT.accountAssignments, files.identityCenter.assignments],
    [`${LAYOUT.cloudTrailDir}/`, files.cloudTrailDir ?? undefined],
  ];
  for (const [path, value] of expected) if (value === undefined) missing.push(path);

  const scps = mapServiceControlPolicies(files, org.roots);
  missing.push(...scps.missing);
  notes.push(...scps.notes);
  const awsManaged = mapAwsManagedPolicies(
    files,
    {
      iamByAccount,
      identityCenter: idc.inventory,
      // As live: an account or permission set not read in full may attach a policy no other does.
      sourcesComplete:
        org.accounts.filter((a) => a.status === "ACTIVE").every((a) => accounts[a.id]?.authorizationDetails === "COLLECTED") &&
        (idc.coverage.permissionSets === "COLLECTED" || (idc.coverage.instance === "COLLECTED" && idc.inventory === null)),
    },
    opts.loadBundledManagedPolicies,
  );
  notes.push(...awsManaged.notes);
  for (const [path, marker] of files.truncated) {
    notes.push(
      `${path}: one page of a longer listing (${marker}; --max-items or --no-paginate?): its section is imported as PARTIAL, nothing absent from it is read as deleted`,
    );
  }

  const fromFiles: InventoryCoverage = {
    organization: org.organizationStatus,
    accountTags: org.accountTagsStatus,
    ...(scps.status ? { serviceControlPolicies: scps.status } : {}),
    ...(awsManaged.status ? { awsManagedPolicies: awsManaged.status } : {}),
    identityCenter: idc.coverage,
    accounts,
  };
  const exported = files.manifest?.format === "vigil-offline/2" ? files.manifest.coverage : null;
  const capped = exported ? capCoverage(fromFiles, exported) : { coverage: fromFiles, notes: [] };
  notes.push(...capped.notes);

  const at = now.toISOString();
  const inventory: OrgInventory = {
    organization: org.organization,
    roots: org.roots,
    ous: org.ous,
    accounts: org.accounts,
    serviceControlPolicies: scps.policies,
    awsManagedPolicies: awsManaged.policies,
    identityCenter: idc.inventory,
    iamByAccount,
    coverage: capped.coverage,
    errors: [],
    stats: { apiCalls: {}, apiCallsByAction: {}, callsPerAccount: {}, retries: {}, startedAt: at, finishedAt: at },
  };
  return { inventory, report: { read: files.read, ignored: files.ignored, missing: missing.sort(), notes } };
}
