/**
 * Test-only factories shaped like lib/aws types, and a tiny versioning writer so read-model tests
 * can build snapshot histories without a whole OrgInventory. Not exported from the domain index.
 */
import type {
  AccountAssignment,
  CredentialReportRow,
  IamRole,
  IamUser,
  IdcGroup,
  IdcGroupMembership,
  IdcUser,
  OrgAccount,
  PermissionSet,
} from "../aws";
import type { Db, Prisma } from "../db";
import { sql } from "../snapshot";

export interface FixtureRecord {
  kind: Prisma.EntityKind;
  key: string;
  accountId: string | null;
  data: object;
}

export function makeAccount(id: string, overrides: Partial<OrgAccount> = {}): FixtureRecord {
  const data: OrgAccount = {
    key: id, id, arn: `arn:aws:organizations::000000000000:account/o-test/${id}`,
    name: `account-${id}`, email: `aws+${id}@example.com`, status: "ACTIVE",
    joinedMethod: "CREATED", joinedAt: "2024-01-01T00:00:00.000Z", parentId: "r-root",
    ouPath: "Root", tags: {}, ...overrides,
  };
  return { kind: "ACCOUNT", key: id, accountId: id, data };
}

export function makeRole(accountId: string, roleName: string, overrides: Partial<IamRole> = {}): FixtureRecord {
  const path = overrides.path ?? "/";
  const arn = `arn:aws:iam::${accountId}:role${path}${roleName}`;
  const data: IamRole = {
    key: arn, accountId, arn, roleName, roleId: `AROA${roleName.toUpperCase()}`, path,
    createdAt: "2024-02-01T00:00:00.000Z", description: null, maxSessionDuration: 3600,
    trustPolicy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }] },
    inlinePolicies: [], attachedManagedPolicies: [], permissionsBoundaryArn: null, tags: {},
    lastUsedAt: null, lastUsedRegion: null, instanceProfileArns: [], isServiceLinked: false,
    identityCenter: null, ...overrides,
  };
  return { kind: "IAM_ROLE", key: arn, accountId, data };
}

export function makeIamUser(accountId: string, userName: string, overrides: Partial<IamUser> = {}): FixtureRecord {
  const arn = `arn:aws:iam::${accountId}:user/${userName}`;
  const data: IamUser = {
    key: arn, accountId, arn, userName, userId: `AIDA${userName.toUpperCase()}`, path: "/",
    createdAt: "2023-01-01T00:00:00.000Z", groupNames: [], inlinePolicies: [], attachedManagedPolicies: [],
    permissionsBoundaryArn: null, tags: {}, ...overrides,
  };
  return { kind: "IAM_USER", key: arn, accountId, data };
}

const NO_KEY = { active: false, lastRotatedAt: null, lastUsedAt: null, lastUsedRegion: null, lastUsedService: null };

export function makeCredentialRow(accountId: string, user: string, overrides: Partial<CredentialReportRow> = {}): FixtureRecord {
  const isRoot = user === "<root_account>";
  const arn = isRoot ? `arn:aws:iam::${accountId}:root` : `arn:aws:iam::${accountId}:user/${user}`;
  const data: CredentialReportRow = {
    key: arn, user, arn, isRoot, userCreatedAt: "2023-01-01T00:00:00.000Z", passwordEnabled: false,
    passwordLastUsedAt: null, passwordLastChangedAt: null, passwordNextRotationAt: null, mfaActive: false,
    accessKeys: [NO_KEY, NO_KEY], certificates: [{ active: false, lastRotatedAt: null }, { active: false, lastRotatedAt: null }],
    ...overrides,
  };
  return { kind: "IAM_CREDENTIAL", key: arn, accountId, data };
}

export function makePermissionSet(name: string, overrides: Partial<PermissionSet> = {}): FixtureRecord {
  const arn = `arn:aws:sso:::permissionSet/ssoins-test/ps-${name.toLowerCase()}`;
  const data: PermissionSet = {
    key: arn, arn, name, description: null, createdAt: "2024-01-01T00:00:00.000Z", sessionDuration: "PT1H",
    relayState: null, awsManagedPolicies: [], customerManagedPolicies: [], inlinePolicy: null,
    permissionsBoundary: null, tags: {}, provisionedAccountIds: [], ...overrides,
  };
  return { kind: "PERMISSION_SET", key: arn, accountId: null, data };
}

export function makeAssignment(accountId: string, permissionSetArn: string, principalType: "USER" | "GROUP", principalId: string): FixtureRecord {
  const key = `${accountId}|${permissionSetArn}|${principalType}|${principalId}`;
  const data: AccountAssignment = { key, accountId, permissionSetArn, principalType, principalId };
  return { kind: "ACCOUNT_ASSIGNMENT", key, accountId, data };
}

export function makeIdcUser(userId: string, userName: string, overrides: Partial<IdcUser> = {}): FixtureRecord {
  const data: IdcUser = {
    key: userId, userId, userName, displayName: userName, primaryEmail: `${userName}@example.com`,
    givenName: null, familyName: null, status: "ENABLED", externalIds: [], ...overrides,
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
 * Records a COMPLETE snapshot holding exactly `records`: unchanged entities keep their version,
 * changed ones get a new version, missing ones are closed — the validity rules readers rely on.
 */
export async function recordSnapshot(db: Db, records: FixtureRecord[], status: "COMPLETE" | "PARTIAL" = "COMPLETE"): Promise<number> {
  const { id } = await db.snapshot.create({ data: { source: "LIVE", status, asOf: new Date(), finishedAt: new Date() } });
  const open = await db.entityVersion.findMany({ where: { validTo: null }, select: { id: true, kind: true, naturalKey: true, contentHash: true } });
  const incoming = new Map(records.map((r) => [`${r.kind}|${r.key}`, r]));
  const kept = new Set<string>();
  for (const version of open) {
    const record = incoming.get(`${version.kind}|${version.naturalKey}`);
    if (record && JSON.stringify(record.data) === version.contentHash) kept.add(`${version.kind}|${version.naturalKey}`);
    else await db.entityVersion.update({ where: { id: version.id }, data: { validTo: id } });
  }
  for (const r of records.filter((record) => !kept.has(`${record.kind}|${record.key}`))) {
    const json = JSON.stringify(r.data);
    // The real writer stores a sha256; the fixture only needs equality, so the JSON itself serves.
    await db.$executeRaw(sql`INSERT INTO "EntityVersion" (kind, "naturalKey", "accountId", "contentHash", data, "validFrom")
      VALUES (${r.kind}::"EntityKind", ${r.key}, ${r.accountId}, ${json}, ${json}::jsonb, ${id})`);
  }
  return id;
}
