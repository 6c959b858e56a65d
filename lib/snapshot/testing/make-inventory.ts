import type {
  AccountCoverage,
  AccountIam,
  CredentialReportRow,
  IamRole,
  IdcUser,
  InventoryCoverage,
  OrgAccount,
  OrgInventory,
  PermissionSet,
} from "../../aws";

/** Small hand-made inventories for the writer's tests (no simulator needed). */
export function makeRole(accountId: string, roleName: string, overrides: Partial<IamRole> = {}): IamRole {
  const arn = `arn:aws:iam::${accountId}:role/${roleName}`;
  return {
    key: arn,
    accountId,
    arn,
    roleName,
    roleId: `AROA${roleName.toUpperCase().padEnd(12, "X").slice(0, 12)}`,
    path: "/",
    createdAt: "2024-01-01T00:00:00.000Z",
    description: null,
    maxSessionDuration: 3600,
    trustPolicy: {
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
    },
    inlinePolicies: [],
    attachedManagedPolicies: [],
    permissionsBoundaryArn: null,
    tags: {},
    lastUsedAt: null,
    lastUsedRegion: null,
    instanceProfileArns: [],
    isServiceLinked: false,
    identityCenter: null,
    ...overrides,
  };
}

export function makeAccount(id: string, overrides: Partial<OrgAccount> = {}): OrgAccount {
  return {
    key: id,
    id,
    arn: `arn:aws:organizations::111111111111:account/o-test/${id}`,
    name: `account-${id}`,
    email: `${id}@example.com`,
    status: "ACTIVE",
    joinedMethod: "CREATED",
    joinedAt: "2024-01-01T00:00:00.000Z",
    parentId: "r-root",
    ouPath: "Root",
    tags: {},
    ...overrides,
  };
}

export function makeIdcUser(userName: string, overrides: Partial<IdcUser> = {}): IdcUser {
  const userId = `user-${userName}`;
  return {
    key: userId,
    userId,
    userName,
    displayName: userName,
    primaryEmail: `${userName}@example.com`,
    givenName: null,
    familyName: null,
    status: "ENABLED",
    externalIds: [],
    ...overrides,
  };
}

export function makePermissionSet(name: string, overrides: Partial<PermissionSet> = {}): PermissionSet {
  const arn = `arn:aws:sso:::permissionSet/ssoins-test/ps-${name}`;
  return {
    key: arn,
    arn,
    name,
    description: null,
    createdAt: null,
    sessionDuration: "PT1H",
    relayState: null,
    awsManagedPolicies: [],
    customerManagedPolicies: [],
    inlinePolicy: null,
    permissionsBoundary: null,
    tags: {},
    provisionedAccountIds: [],
    ...overrides,
  };
}

export function makeCredentialRow(accountId: string, user = "<root_account>"): CredentialReportRow {
  const arn = user === "<root_account>" ? `arn:aws:iam::${accountId}:root` : `arn:aws:iam::${accountId}:user/${user}`;
  const key = { active: false, lastRotatedAt: null, lastUsedAt: null, lastUsedRegion: null, lastUsedService: null };
  const cert = { active: false, lastRotatedAt: null };
  return {
    key: arn,
    user,
    arn,
    isRoot: user === "<root_account>",
    userCreatedAt: "2024-01-01T00:00:00.000Z",
    passwordEnabled: null,
    passwordLastUsedAt: null,
    passwordLastChangedAt: null,
    passwordNextRotationAt: null,
    mfaActive: true,
    accessKeys: [key, { ...key }],
    certificates: [cert, { ...cert }],
  };
}

export function makeAccountCoverage(accountId: string, overrides: Partial<AccountCoverage> = {}): AccountCoverage {
  return { accountId, iam: "COLLECTED", authorizationDetails: "COLLECTED", credentialReport: "COLLECTED", reason: null, ...overrides };
}

/**
 * A COMPLETE inventory: an organization with the given accounts, each with the given roles (role
 * names) and a credential report, and a small Identity Center.
 */
export function makeInventory(spec: { accounts: Record<string, string[]>; users?: string[]; permissionSets?: string[] }): OrgInventory {
  const accountIds = Object.keys(spec.accounts);
  const iamByAccount: Record<string, AccountIam> = {};
  const accounts: Record<string, AccountCoverage> = {};
  for (const [accountId, roleNames] of Object.entries(spec.accounts)) {
    iamByAccount[accountId] = {
      accountId,
      roles: roleNames.map((name) => makeRole(accountId, name)),
      users: [],
      groups: [],
      policies: [],
      credentialReport: { generatedAt: new Date().toISOString(), rows: [makeCredentialRow(accountId)] },
    };
    accounts[accountId] = makeAccountCoverage(accountId);
  }
  const coverage: InventoryCoverage = {
    organization: "COLLECTED",
    accountTags: "COLLECTED",
    identityCenter: {
      instance: "COLLECTED",
      users: "COLLECTED",
      groups: "COLLECTED",
      memberships: "COLLECTED",
      permissionSets: "COLLECTED",
      assignments: "COLLECTED",
    },
    accounts,
  };
  return {
    organization: {
      id: "o-test",
      arn: "arn:aws:organizations::111111111111:organization/o-test",
      featureSet: "ALL",
      managementAccountId: accountIds[0] ?? "111111111111",
      managementAccountEmail: null,
    },
    roots: [{ key: "r-root", id: "r-root", arn: "arn:aws:organizations::111111111111:root/o-test/r-root", name: "Root", policyTypes: [] }],
    ous: [],
    accounts: accountIds.map((id) => makeAccount(id)),
    serviceControlPolicies: [],
    awsManagedPolicies: [],
    identityCenter: {
      instance: {
        instanceArn: "arn:aws:sso:::instance/ssoins-test",
        identityStoreId: "d-test",
        ownerAccountId: accountIds[0] ?? null,
        name: null,
        status: "ACTIVE",
        createdAt: null,
      },
      users: (spec.users ?? ["alice"]).map((name) => makeIdcUser(name)),
      groups: [],
      memberships: [],
      permissionSets: (spec.permissionSets ?? ["Admin"]).map((name) => makePermissionSet(name)),
      assignments: [],
    },
    iamByAccount,
    coverage,
    errors: [],
    stats: {
      apiCalls: {},
      apiCallsByAction: {},
      callsPerAccount: {},
      retries: {},
      startedAt: new Date().toISOString(),
      finishedAt: new Date().toISOString(),
    },
  };
}

/** A copy of `inventory` in which one account's IAM could not be read (AccessDenied). */
export function withAccountDenied(inventory: OrgInventory, accountId: string): OrgInventory {
  const copy = structuredClone(inventory);
  delete copy.iamByAccount[accountId];
  copy.coverage.accounts[accountId] = makeAccountCoverage(accountId, {
    iam: "FAILED",
    authorizationDetails: "FAILED",
    credentialReport: "FAILED",
    reason: "AccessDenied",
  });
  copy.errors.push({ accountId, service: "sts", operation: "AssumeRole", code: "AccessDenied", message: "not authorized" });
  return copy;
}
