import type { AccountCoverage, CollectionStatus, InventoryCoverage } from "../aws";

// Lower is weaker. FAILED below SKIPPED: the exported run tried and could not read.
const RANK: Record<CollectionStatus, number> = { FAILED: 0, SKIPPED: 1, PARTIAL: 2, COLLECTED: 3 };
const weaker = (a: CollectionStatus, b: CollectionStatus): CollectionStatus => (RANK[a] <= RANK[b] ? a : b);

const SKIPPED_ACCOUNT = (accountId: string): AccountCoverage => ({
  accountId,
  iam: "SKIPPED",
  authorizationDetails: "SKIPPED",
  credentialReport: "SKIPPED",
  reason: "no IAM files in the import",
});

/**
 * An import's coverage, never more complete than the exported snapshot's (`vigil-export.json`):
 * files written for a section the snapshot read only in part do not make it complete, so an
 * export → import round trip never turns a gap into deletions. Returns a note per section lowered.
 */
export function capCoverage(fromFiles: InventoryCoverage, exported: InventoryCoverage): { coverage: InventoryCoverage; notes: string[] } {
  const notes: string[] = [];
  const cap = (label: string, own: CollectionStatus, theirs: CollectionStatus): CollectionStatus => {
    const result = weaker(own, theirs);
    if (result !== own) notes.push(`${label}: ${theirs} in the exported snapshot (vigil-export.json), imported as ${result}`);
    return result;
  };
  const idc = fromFiles.identityCenter;
  const theirIdc = exported.identityCenter;
  const accounts: Record<string, AccountCoverage> = {};
  for (const [accountId, own] of Object.entries(fromFiles.accounts)) {
    const theirs = exported.accounts[accountId] ?? SKIPPED_ACCOUNT(accountId);
    const capped: AccountCoverage = {
      accountId,
      iam: cap(`account ${accountId} IAM`, own.iam, theirs.iam),
      authorizationDetails: cap(`account ${accountId} authorization details`, own.authorizationDetails, theirs.authorizationDetails),
      credentialReport: cap(`account ${accountId} credential report`, own.credentialReport, theirs.credentialReport),
      reason: own.reason,
    };
    const isLowered = capped.authorizationDetails !== own.authorizationDetails || capped.credentialReport !== own.credentialReport;
    accounts[accountId] = isLowered ? { ...capped, reason: theirs.reason ?? "not read in full by the exported snapshot" } : capped;
  }
  // An export from before SCPs / AWS-managed documents were collected says nothing of them: unknown stays unknown.
  const capOptional = (label: string, own: CollectionStatus | undefined, theirs: CollectionStatus | undefined) =>
    own === undefined ? undefined : cap(label, own, theirs ?? "SKIPPED");
  const serviceControlPolicies = capOptional("service control policies", fromFiles.serviceControlPolicies, exported.serviceControlPolicies);
  const awsManagedPolicies = capOptional("AWS-managed policy documents", fromFiles.awsManagedPolicies, exported.awsManagedPolicies);
  const coverage: InventoryCoverage = {
    organization: cap("organizations", fromFiles.organization, exported.organization),
    accountTags: cap("account tags", fromFiles.accountTags, exported.accountTags),
    ...(serviceControlPolicies ? { serviceControlPolicies } : {}),
    ...(awsManagedPolicies ? { awsManagedPolicies } : {}),
    identityCenter: {
      instance: cap("identity center instance", idc.instance, theirIdc.instance),
      users: cap("identity center users", idc.users, theirIdc.users),
      groups: cap("identity center groups", idc.groups, theirIdc.groups),
      memberships: cap("identity center group memberships", idc.memberships, theirIdc.memberships),
      permissionSets: cap("identity center permission sets", idc.permissionSets, theirIdc.permissionSets),
      assignments: cap("identity center account assignments", idc.assignments, theirIdc.assignments),
    },
    accounts,
  };
  return { coverage, notes };
}
