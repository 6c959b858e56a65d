/**
 * Test-only factories shaped like lib/aws types, and `recordSnapshot`, which takes a snapshot of
 * exactly those entities through the real writer (`takeSnapshot`), so read-model tests build their
 * histories the way production does without a whole simulated organization.
 */
import type {
  AccountAssignment,
  AccountIam,
  CredentialReportRow,
  IamRole,
  IamUser,
  IdcGroup,
  IdcGroupMembership,
  IdcUser,
  IdentityCenterInventory,
  OrgAccount,
  OrgInventory,
  PermissionSet,
} from "../../aws";
import type { PrismaClient } from "../../db";
import { takeSnapshot, type EntityDataByKind } from "../../snapshot";
import { makeAccount as makeOrgAccount, makeRole as makeIamRole } from "../../snapshot/testing/make-inventory";

type FixtureKind =
  | "ACCOUNT"
  | "IAM_ROLE"
  | "IAM_USER"
  | "IAM_CREDENTIAL"
  | "PERMISSION_SET"
  | "ACCOUNT_ASSIGNMENT"
  | "IDC_USER"
  | "IDC_GROUP"
  | "IDC_GROUP_MEMBERSHIP";

/** One entity for `recordSnapshot`; `key` is its natural key, `accountId` the account whose IAM holds it. */
export type FixtureRecord = {
  [K in FixtureKind]: { kind: K; key: string; accountId: string | null; data: EntityDataByKind[K] };
}[FixtureKind];

export function makeAccount(id: string, overrides: Partial<OrgAccount> = {}): FixtureRecord {
  const data = makeOrgAccount(id, {
    arn: `arn:aws:organizations::000000000000:account/o-test/${id}`,
    email: `aws+${id}@example.com`,
    ...overrides,
  });
  return { kind: "ACCOUNT", key: id, accountId: id, data };
}

export function makeRole(accountId: string, roleName: string, overrides: Partial<IamRole> = {}): FixtureRecord {
  const path = overrides.path ?? "/";
  const arn = `arn:aws:iam::${accountId}:role${path}${roleName}`;
  const data = makeIamRole(accountId, roleName, {
    key: arn,
    arn,
    path,
    roleId: `AROA${roleName.toUpperCase()}`,
    createdAt: "2024-02-01T00:00:00.000Z",
    ...overrides,
  });
  return { kind: "IAM_ROLE", key: arn, accountId, data };
}

export function makeIamUser(accountId: string, userName: string, overrides: Partial<IamUser> = {}): FixtureRecord {
  const arn = `arn:aws:iam::${accountId}:user/${userName}`;
  const data: IamUser = {
    key: arn,
    accountId,
    arn,
    userName,
    userId: `AIDA${userName.toUpperCase()}`,
    path: "/",
    createdAt: "2023-01-01T00:00:00.000Z",
    groupNames: [],
    inlinePolicies: [],
    attachedManagedPolicies: [],
    permissionsBoundaryArn: null,
    tags: {},
    ...overrides,
  };
  return { kind: "IAM_USER", key: arn, accountId, data };
}

const NO_KEY = { active: false, lastRotatedAt: null, lastUsedAt: null, lastUsedRegion: null, lastUsedService: null };

export function makeCredentialRow(accountId: string, user: string, overrides: Partial<CredentialReportRow> = {}): FixtureRecord {
  const isRoot = user === "<root_account>";
  const arn = isRoot ? `arn:aws:iam::${accountId}:root` : `arn:aws:iam::${accountId}:user/${user}`;
  const data: CredentialReportRow = {
    key: arn,
    user,
    arn,
    isRoot,
    userCreatedAt: "2023-01-01T00:00:00.000Z",
    passwordEnabled: false,
    passwordLastUsedAt: null,
    passwordLastChangedAt: null,
    passwordNextRotationAt: null,
    mfaActive: false,
    accessKeys: [NO_KEY, NO_KEY],
    certificates: [
      { active: false, lastRotatedAt: null },
      { active: false, lastRotatedAt: null },
    ],
    ...overrides,
  };
  return { kind: "IAM_CREDENTIAL", key: arn, accountId, data };
}

export function makePermissionSet(name: string, overrides: Partial<PermissionSet> = {}): FixtureRecord {
  const arn = `arn:aws:sso:::permissionSet/ssoins-test/ps-${name.toLowerCase()}`;
  const data: PermissionSet = {
    key: arn,
    arn,
    name,
    description: null,
    createdAt: "2024-01-01T00:00:00.000Z",
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
  return { kind: "PERMISSION_SET", key: arn, accountId: null, data };
}

export function makeAssignment(
  accountId: string,
  permissionSetArn: string,
  principalType: "USER" | "GROUP",
  principalId: string,
): FixtureRecord {
  const key = `${accountId}|${permissionSetArn}|${principalType}|${principalId}`;
  const data: AccountAssignment = { key, accountId, permissionSetArn, principalType, principalId };
  return { kind: "ACCOUNT_ASSIGNMENT", key, accountId, data };
}

export function makeIdcUser(userId: string, userName: string, overrides: Partial<IdcUser> = {}): FixtureRecord {
  const data: IdcUser = {
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
  return { kind: "IDC_USER", key: userId, accountId: null, data };
}

export function makeIdcGroup(groupId: string, displayName: string): FixtureRecord {
  const data: IdcGroup = { key: groupId, groupId, displayName, description: null, externalIds: [] };
  return { kind: "IDC_GROUP", key: groupId, accountId: null, data };
}

export function makeMembership(groupId: string, userId: string): FixtureRecord {
  const key = `${groupId}|${userId}`;
  const data: IdcGroupMembership = { key, membershipId: `m-${key}`, groupId, userId };
  return { kind: "IDC_GROUP_MEMBERSHIP", key, accountId: null, data };
}

/**
 * Takes a snapshot holding exactly `records`, through the real writer: an inventory in which every
 * section was collected, so unchanged entities keep their version, changed ones get a new one and
 * missing ones are closed. A PARTIAL snapshot is one whose account tags could not be read, which
 * leaves those rules unchanged.
 */
export async function recordSnapshot(
  db: PrismaClient,
  records: FixtureRecord[],
  status: "COMPLETE" | "PARTIAL" = "COMPLETE",
): Promise<number> {
  const inventory = inventoryOf(records);
  if (status === "PARTIAL") inventory.coverage.accountTags = "FAILED";
  const snapshot = await takeSnapshot(db, { source: "LIVE", collect: async () => inventory });
  if (snapshot.status !== status) throw new Error(`fixture snapshot ended ${snapshot.status}, not ${status}: ${snapshot.failure}`);
  return snapshot.id;
}

function inventoryOf(records: FixtureRecord[]): OrgInventory {
  const now = new Date().toISOString();
  const accounts: OrgAccount[] = [];
  const iamByAccount: Record<string, AccountIam> = {};
  const idc: Omit<IdentityCenterInventory, "instance"> = { users: [], groups: [], memberships: [], permissionSets: [], assignments: [] };
  let hasIdentityCenter = false;
  const iamOf = (accountId: string | null): AccountIam => {
    if (!accountId) throw new Error("an IAM fixture needs an account id");
    return (iamByAccount[accountId] ??= {
      accountId,
      roles: [],
      users: [],
      groups: [],
      policies: [],
      credentialReport: { generatedAt: now, rows: [] },
    });
  };
  for (const record of records) {
    if (record.kind !== "ACCOUNT" && !record.kind.startsWith("IAM_")) hasIdentityCenter = true;
    switch (record.kind) {
      case "ACCOUNT":
        accounts.push(record.data);
        iamOf(record.data.id);
        break;
      case "IAM_ROLE":
        iamOf(record.accountId).roles.push(record.data);
        break;
      case "IAM_USER":
        iamOf(record.accountId).users.push(record.data);
        break;
      case "IAM_CREDENTIAL":
        iamOf(record.accountId).credentialReport?.rows.push(record.data);
        break;
      case "PERMISSION_SET":
        idc.permissionSets.push(record.data);
        break;
      case "ACCOUNT_ASSIGNMENT":
        idc.assignments.push(record.data);
        break;
      case "IDC_USER":
        idc.users.push(record.data);
        break;
      case "IDC_GROUP":
        idc.groups.push(record.data);
        break;
      case "IDC_GROUP_MEMBERSHIP":
        idc.memberships.push(record.data);
        break;
    }
  }
  const collected = { iam: "COLLECTED", authorizationDetails: "COLLECTED", credentialReport: "COLLECTED", reason: null } as const;
  return {
    // No organization, root or Identity Center instance entity unless the records need one: the
    // snapshot holds what the test wrote. Every section COLLECTED, so what is absent is closed.
    organization: null,
    roots: [],
    ous: [],
    accounts,
    serviceControlPolicies: [],
    awsManagedPolicies: [],
    identityCenter: hasIdentityCenter
      ? {
          instance: {
            instanceArn: "arn:aws:sso:::instance/ssoins-test",
            identityStoreId: "d-test",
            ownerAccountId: null,
            name: null,
            status: "ACTIVE",
            createdAt: null,
          },
          ...idc,
        }
      : null,
    iamByAccount,
    coverage: {
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
      accounts: Object.fromEntries(Object.keys(iamByAccount).map((accountId) => [accountId, { accountId, ...collected }])),
    },
    errors: [],
    stats: { apiCalls: {}, apiCallsByAction: {}, callsPerAccount: {}, retries: {}, startedAt: now, finishedAt: now },
  };
}
