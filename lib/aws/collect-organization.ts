import { auditRoleCredentialsForPool, type AccountCredentials } from "./assume-audit-role";
import { collectAwsManagedPolicies, type AwsManagedPoliciesResult } from "./aws-managed-policies";
import { attachedAwsManagedPolicyArns } from "./aws-managed-policy-arns";
import { createClientPool, type ClientPool } from "./client-pool";
import { CollectionLog } from "./collection-log";
import { mapLimited } from "./concurrency";
import type { AwsConfig } from "./config";
import { collectAccountIam } from "./iam";
import { collectIdentityCenter, type IdentityCenterCoverage } from "./identity-center";
import { collectOrganizationTree, collectResourceTags, type OrganizationTree } from "./organizations";
import type { Clock } from "./pacer";
import { linkReservedRoles } from "./reserved-role";
import { collectServiceControlPolicies } from "./service-control-policies";
import type { AccountCoverage, AccountIam, CollectionStatus, OrgAccount, OrgInventory } from "./types";

export type ProgressCallback = (done: number, total: number, label: string) => void;

export interface CollectOrganizationOptions {
  onProgress?: ProgressCallback;
  /** collect IAM only for these accounts (others are SKIPPED); all active accounts when absent */
  accountIds?: readonly string[];
  /** reuse a pool (tests read its stats); one is created and destroyed otherwise */
  pool?: ClientPool;
  clock?: Clock;
}

const SKIPPED_IDC: IdentityCenterCoverage = {
  instance: "SKIPPED",
  users: "SKIPPED",
  groups: "SKIPPED",
  memberships: "SKIPPED",
  permissionSets: "SKIPPED",
  assignments: "SKIPPED",
};

/**
 * A full collection: Organizations and Identity Center in the management account, IAM in every
 * active account through the audit role. A failure is recorded against its account/section and
 * never aborts the rest; `coverage` says what was not collected so it is not read as deleted.
 */
export async function collectOrganization(config: AwsConfig, opts: CollectOrganizationOptions = {}): Promise<OrgInventory> {
  const pool = opts.pool ?? createClientPool(config, { clock: opts.clock });
  const startedAt = new Date().toISOString();
  const log = new CollectionLog();
  try {
    const tree = await log.attempt({ service: "organizations", operation: "DescribeOrganization" }, () =>
      collectOrganizationTree(pool.organizations(), { concurrency: config.concurrency.organizations }),
    );
    if (!tree) return emptyInventory(log, pool, startedAt);

    const credentials = auditRoleCredentialsForPool(pool, tree.organization.managementAccountId);

    const selected = opts.accountIds ? new Set(opts.accountIds) : null;
    const toCollect = tree.accounts.filter((a) => isActive(a) && (!selected || selected.has(a.id)));
    const total = 5 + toCollect.length;
    let done = 1;
    const progress = (label: string) => opts.onProgress?.(done++, total, label);
    progress("organization");

    const [tagsStatus, scps, identityCenter, iamResults] = await Promise.all([
      collectAccountTags(pool, tree, log).then((status) => (progress("account tags"), status)),
      collectServiceControlPolicies(pool.organizations(), tree.roots, { log, concurrency: config.concurrency.organizations }).then(
        (result) => (progress("service control policies"), result),
      ),
      collectIdentityCenter(
        { ssoAdmin: pool.ssoAdmin(), identityStore: pool.identityStore() },
        { log, concurrency: config.concurrency.identityCenter },
      ).then((result) => (progress("identity center"), result)),
      mapLimited(toCollect, config.concurrency.accounts, async (account) => {
        const result = await collectOneAccount(pool, credentials, account.id, config, log, opts.clock);
        progress(`account ${account.id} (${account.name})`);
        return result;
      }),
    ]);

    const iamByAccount: Record<string, AccountIam> = {};
    const accountCoverage: Record<string, AccountCoverage> = {};
    for (const account of tree.accounts) {
      accountCoverage[account.id] = skippedCoverage(account, selected);
    }
    for (const result of iamResults) {
      accountCoverage[result.coverage.accountId] = result.coverage;
      if (result.iam) iamByAccount[result.iam.accountId] = result.iam;
    }
    if (identityCenter.inventory) linkReservedRoles(iamByAccount, identityCenter.inventory.permissionSets);
    const awsManaged = await collectAttachedAwsManagedPolicies(pool, credentials, tree.organization.managementAccountId, {
      iamByAccount,
      identityCenter: identityCenter.inventory,
      log,
      sourcesComplete:
        tree.accounts.filter(isActive).every((a) => accountCoverage[a.id]?.authorizationDetails === "COLLECTED") &&
        ["COLLECTED", "SKIPPED"].includes(identityCenter.coverage.permissionSets),
    });
    progress("AWS-managed policies");

    return {
      organization: tree.organization,
      roots: tree.roots,
      ous: tree.ous,
      accounts: tree.accounts,
      serviceControlPolicies: scps.policies,
      awsManagedPolicies: awsManaged.policies,
      identityCenter: identityCenter.inventory,
      iamByAccount,
      coverage: {
        organization: "COLLECTED",
        accountTags: tagsStatus,
        serviceControlPolicies: scps.status,
        awsManagedPolicies: awsManaged.status,
        identityCenter: identityCenter.coverage,
        accounts: accountCoverage,
      },
      errors: log.errors,
      stats: statsOf(pool, startedAt),
    };
  } finally {
    if (!opts.pool) pool.destroy();
  }
}

function isActive(account: OrgAccount): boolean {
  return account.status === "ACTIVE";
}

async function collectAccountTags(pool: ClientPool, tree: OrganizationTree, log: CollectionLog): Promise<CollectionStatus> {
  const tagLog = log.fork();
  await mapLimited(tree.accounts, pool.config.concurrency.organizations, async (account) => {
    const tags = await tagLog.attempt({ accountId: account.id, service: "organizations", operation: "ListTagsForResource" }, () =>
      collectResourceTags(pool.organizations(), account.id),
    );
    account.tags = tags ?? null;
  });
  if (tagLog.errors.length === 0) return "COLLECTED";
  return tagLog.errors.length === tree.accounts.length ? "FAILED" : "PARTIAL";
}

/**
 * The AWS-managed policies attached anywhere, read once each through the management account's IAM
 * client (AWS's documents are the same in every account). Complete only when every account's IAM
 * and the permission sets were read: an unread account may attach a policy nobody else does.
 */
async function collectAttachedAwsManagedPolicies(
  pool: ClientPool,
  credentials: AccountCredentials,
  managementAccountId: string,
  from: {
    iamByAccount: Record<string, AccountIam>;
    identityCenter: OrgInventory["identityCenter"];
    log: CollectionLog;
    sourcesComplete: boolean;
  },
): Promise<AwsManagedPoliciesResult> {
  const arns = attachedAwsManagedPolicyArns(from.iamByAccount, from.identityCenter);
  const iam = pool.iam(managementAccountId, credentials.provider(managementAccountId));
  const result = await collectAwsManagedPolicies(iam, arns, {
    log: from.log,
    concurrency: pool.config.concurrency.iamPerAccount,
    accountId: managementAccountId,
  });
  return result.status === "COLLECTED" && !from.sourcesComplete ? { ...result, status: "PARTIAL" } : result;
}

interface AccountResult {
  coverage: AccountCoverage;
  iam: AccountIam | null;
}

async function collectOneAccount(
  pool: ClientPool,
  credentials: AccountCredentials,
  accountId: string,
  config: AwsConfig,
  log: CollectionLog,
  clock?: Clock,
): Promise<AccountResult> {
  const failed = (reason: string): AccountResult => ({
    coverage: { accountId, iam: "FAILED", authorizationDetails: "FAILED", credentialReport: "FAILED", reason },
    iam: null,
  });
  // Assume first, explicitly, so an untrusted or missing audit role is reported as an STS error.
  const assumed = await log.attempt({ accountId, service: "sts", operation: "AssumeRole" }, () => credentials.get(accountId));
  if (!assumed) return failed("audit role could not be assumed");

  const result = await log.attempt({ accountId, service: "iam", operation: "GetAccountAuthorizationDetails" }, () =>
    collectAccountIam(pool.iam(accountId, credentials.provider(accountId)), accountId, {
      log,
      polling: config.credentialReport,
      clock,
    }),
  );
  if (!result) return failed("GetAccountAuthorizationDetails failed");
  const complete = result.authorizationDetails === "COLLECTED" && result.credentialReport === "COLLECTED";
  return {
    coverage: {
      accountId,
      iam: complete ? "COLLECTED" : "PARTIAL",
      authorizationDetails: result.authorizationDetails,
      credentialReport: result.credentialReport,
      reason: complete ? null : "some IAM reads failed",
    },
    iam: result.iam,
  };
}

function skippedCoverage(account: OrgAccount, selected: Set<string> | null): AccountCoverage {
  const reason = !isActive(account) ? `account is ${account.status}` : selected && !selected.has(account.id) ? "not selected" : null;
  return { accountId: account.id, iam: "SKIPPED", authorizationDetails: "SKIPPED", credentialReport: "SKIPPED", reason };
}

function statsOf(pool: ClientPool, startedAt: string): OrgInventory["stats"] {
  return {
    apiCalls: { ...pool.stats.apiCalls },
    apiCallsByAction: { ...pool.stats.apiCallsByAction },
    callsPerAccount: { ...pool.stats.callsPerAccount },
    retries: { ...pool.stats.retries },
    startedAt,
    finishedAt: new Date().toISOString(),
  };
}

function emptyInventory(log: CollectionLog, pool: ClientPool, startedAt: string): OrgInventory {
  return {
    organization: null,
    roots: [],
    ous: [],
    accounts: [],
    serviceControlPolicies: [],
    awsManagedPolicies: [],
    identityCenter: null,
    iamByAccount: {},
    coverage: { organization: "FAILED", accountTags: "SKIPPED", identityCenter: SKIPPED_IDC, accounts: {} },
    errors: log.errors,
    stats: statsOf(pool, startedAt),
  };
}
