import type { IdentityCenterInventory, OrgAccount, OrgInventory, Tags } from "../aws";

const present = <T extends Record<string, unknown>>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;
const tagList = (tags: Tags) => Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));

function account(a: OrgAccount) {
  return present({ Id: a.id, Arn: a.arn, Email: a.email, Name: a.name, Status: a.status, State: a.status, JoinedMethod: a.joinedMethod, JoinedTimestamp: a.joinedAt });
}

/** Organizations state as the CLI outputs of the layout, keyed by relative path. */
export function toOrganizationFiles(state: OrgInventory): Map<string, unknown> {
  const files = new Map<string, unknown>();
  const org = state.organization;
  if (org) {
    files.set("organizations/describe-organization.json", {
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
    files.set("organizations/list-roots.json", {
      Roots: state.roots.map((r) => ({ Id: r.id, Arn: r.arn, Name: r.name, PolicyTypes: r.policyTypes.map((p) => ({ Type: p.type, Status: p.status })) })),
    });
  }
  if (state.accounts.length > 0) files.set("organizations/list-accounts.json", { Accounts: state.accounts.map(account) });
  // Every root and OU gets both listings (empty ones too): that is what makes the tree complete.
  for (const parentId of [...state.roots.map((r) => r.id), ...state.ous.map((o) => o.id)]) {
    files.set(`organizations/parents/${parentId}/organizational-units.json`, {
      OrganizationalUnits: state.ous.filter((o) => o.parentId === parentId).map((o) => ({ Id: o.id, Arn: o.arn, Name: o.name })),
    });
    files.set(`organizations/parents/${parentId}/accounts.json`, { Accounts: state.accounts.filter((a) => a.parentId === parentId).map(account) });
  }
  for (const a of state.accounts) if (a.tags !== null) files.set(`organizations/tags/${a.id}.json`, { Tags: tagList(a.tags) });
  return files;
}

/** Identity Center state as the CLI outputs of the layout, keyed by relative path. */
export function toIdentityCenterFiles(idc: IdentityCenterInventory): Map<string, unknown> {
  const files = new Map<string, unknown>();
  const storeId = idc.instance.identityStoreId;
  files.set("identity-center/list-instances.json", {
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
  files.set("identity-center/users.json", {
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
  files.set("identity-center/groups.json", {
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
  files.set("identity-center/group-memberships.json", {
    GroupMemberships: idc.memberships.map((m) => ({ IdentityStoreId: storeId, MembershipId: m.membershipId, GroupId: m.groupId, MemberId: { UserId: m.userId } })),
  });
  for (const ps of idc.permissionSets) {
    const boundary = ps.permissionsBoundary;
    files.set(`identity-center/permission-sets/${ps.name}.json`, {
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
  files.set("identity-center/account-assignments.json", {
    AccountAssignments: idc.assignments.map((a) => ({ AccountId: a.accountId, PermissionSetArn: a.permissionSetArn, PrincipalType: a.principalType, PrincipalId: a.principalId })),
  });
  return files;
}
