import type { IdentityCenterInventory, InventoryCoverage, OrgAccount, OrgInventory, Tags } from "../aws";
import { isWritten } from "./is-written";
import { LAYOUT } from "./layout";

const present = <T extends Record<string, unknown>>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;
const tagList = (tags: Tags) => Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));

function account(a: OrgAccount) {
  return present({
    Id: a.id,
    Arn: a.arn,
    Email: a.email,
    Name: a.name,
    Status: a.status,
    State: a.status,
    JoinedMethod: a.joinedMethod,
    JoinedTimestamp: a.joinedAt,
  });
}

/** Organizations state as the CLI outputs of the layout, keyed by relative path. */
export function toOrganizationFiles(state: OrgInventory): Map<string, unknown> {
  const files = new Map<string, unknown>();
  const org = state.organization;
  if (org) {
    files.set(LAYOUT.describeOrganization, {
      Organization: present({
        Id: org.id,
        Arn: org.arn,
        FeatureSet: org.featureSet,
        MasterAccountId: org.managementAccountId,
        MasterAccountEmail: org.managementAccountEmail,
      }),
    });
  }
  if (state.roots.length > 0) {
    files.set(LAYOUT.listRoots, {
      Roots: state.roots.map((r) => ({
        Id: r.id,
        Arn: r.arn,
        Name: r.name,
        PolicyTypes: r.policyTypes.map((p) => ({ Type: p.type, Status: p.status })),
      })),
    });
  }
  if (state.accounts.length > 0) files.set(LAYOUT.listAccounts, { Accounts: state.accounts.map(account) });
  // Every root and OU gets both listings when the tree was read in full (empty ones complete it);
  // otherwise only the listings there is data for.
  const status = state.coverage.organization;
  for (const parentId of [...state.roots.map((r) => r.id), ...state.ous.map((o) => o.id)]) {
    const ous = state.ous.filter((o) => o.parentId === parentId);
    const accounts = state.accounts.filter((a) => a.parentId === parentId);
    if (isWritten(status, ous.length > 0)) {
      files.set(LAYOUT.ousForParent(parentId), { OrganizationalUnits: ous.map((o) => ({ Id: o.id, Arn: o.arn, Name: o.name })) });
    }
    if (isWritten(status, accounts.length > 0)) files.set(LAYOUT.accountsForParent(parentId), { Accounts: accounts.map(account) });
  }
  for (const a of state.accounts) if (a.tags !== null) files.set(LAYOUT.accountTags(a.id), { Tags: tagList(a.tags) });
  return files;
}

/** Identity Center state as the CLI outputs of the layout, keyed by relative path (see isWritten). */
export function toIdentityCenterFiles(idc: IdentityCenterInventory, coverage: InventoryCoverage["identityCenter"]): Map<string, unknown> {
  const files = new Map<string, unknown>();
  const storeId = idc.instance.identityStoreId;
  files.set(LAYOUT.listInstances, {
    Instances: [
      present({
        InstanceArn: idc.instance.instanceArn,
        IdentityStoreId: storeId,
        OwnerAccountId: idc.instance.ownerAccountId,
        Name: idc.instance.name,
        Status: idc.instance.status,
        CreatedDate: idc.instance.createdAt,
      }),
    ],
  });
  if (isWritten(coverage.users, idc.users.length > 0))
    files.set(LAYOUT.users, {
      Users: idc.users.map((u) =>
        present({
          IdentityStoreId: storeId,
          UserId: u.userId,
          UserName: u.userName,
          DisplayName: u.displayName,
          Name: u.givenName !== null || u.familyName !== null ? present({ GivenName: u.givenName, FamilyName: u.familyName }) : null,
          Emails: u.primaryEmail !== null ? [{ Value: u.primaryEmail, Type: "work", Primary: true }] : null,
          UserStatus: u.status,
          ExternalIds: u.externalIds.length ? u.externalIds.map((e) => ({ Issuer: e.issuer, Id: e.id })) : null,
        }),
      ),
    });
  if (isWritten(coverage.groups, idc.groups.length > 0))
    files.set(LAYOUT.groups, {
      Groups: idc.groups.map((g) =>
        present({
          IdentityStoreId: storeId,
          GroupId: g.groupId,
          DisplayName: g.displayName,
          Description: g.description,
          ExternalIds: g.externalIds.length ? g.externalIds.map((e) => ({ Issuer: e.issuer, Id: e.id })) : null,
        }),
      ),
    });
  if (isWritten(coverage.memberships, idc.memberships.length > 0))
    files.set(LAYOUT.groupMemberships, {
      GroupMemberships: idc.memberships.map((m) => ({
        IdentityStoreId: storeId,
        MembershipId: m.membershipId,
        GroupId: m.groupId,
        MemberId: { UserId: m.userId },
      })),
    });
  for (const ps of idc.permissionSets) {
    const boundary = ps.permissionsBoundary;
    files.set(LAYOUT.permissionSet(ps.name), {
      PermissionSet: present({
        Name: ps.name,
        PermissionSetArn: ps.arn,
        Description: ps.description,
        CreatedDate: ps.createdAt,
        SessionDuration: ps.sessionDuration,
        RelayState: ps.relayState,
      }),
      AttachedManagedPolicies: ps.awsManagedPolicies.map((p) => ({ Name: p.name, Arn: p.arn })),
      CustomerManagedPolicyReferences: ps.customerManagedPolicies.map((p) => ({ Name: p.name, Path: p.path })),
      InlinePolicy: ps.inlinePolicy?.rawDocument ?? "",
      ...(boundary
        ? {
            PermissionsBoundary: present({
              ManagedPolicyArn: boundary.managedPolicyArn,
              CustomerManagedPolicyReference: boundary.customerManagedPolicy
                ? { Name: boundary.customerManagedPolicy.name, Path: boundary.customerManagedPolicy.path }
                : null,
            }),
          }
        : {}),
      ...(ps.tags !== null ? { Tags: tagList(ps.tags) } : {}),
      ...(ps.provisionedAccountIds !== null ? { AccountIds: ps.provisionedAccountIds } : {}),
    });
  }
  if (isWritten(coverage.assignments, idc.assignments.length > 0))
    files.set(LAYOUT.accountAssignments, {
      AccountAssignments: idc.assignments.map((a) => ({
        AccountId: a.accountId,
        PermissionSetArn: a.permissionSetArn,
        PrincipalType: a.principalType,
        PrincipalId: a.principalId,
      })),
    });
  return files;
}
