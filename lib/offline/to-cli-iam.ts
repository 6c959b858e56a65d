import type { AccountIam, IamGroup, IamManagedPolicy, IamRole, IamUser, ManagedPolicyRef, NamedPolicy, Tags } from "../aws";

/**
 * IAM state back into `get-account-authorization-details` / `list-roles` output. Inline documents
 * are written as the CLI prints them (objects) when that reproduces the stored text exactly, else
 * URL-encoded as the API returns them, so an import gives back the same `rawDocument`.
 */
function policyDocument(policy: NamedPolicy): unknown {
  // Parsed from the text, not taken from `document`: stored JSON (jsonb) does not keep key order.
  try {
    const parsed: unknown = JSON.parse(policy.rawDocument);
    if (typeof parsed === "object" && parsed !== null && JSON.stringify(parsed) === policy.rawDocument) return parsed;
  } catch {
    // not JSON: written URL-encoded below
  }
  return encodeURIComponent(policy.rawDocument);
}

const inline = (policies: NamedPolicy[]) => policies.map((p) => ({ PolicyName: p.name, PolicyDocument: policyDocument(p) }));
const attached = (policies: ManagedPolicyRef[]) => policies.map((p) => ({ PolicyName: p.name, PolicyArn: p.arn }));
const tags = (value: Tags) => Object.entries(value).map(([Key, Value]) => ({ Key, Value }));
const present = <T extends Record<string, unknown>>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;

function role(r: IamRole) {
  return present({
    Path: r.path,
    RoleName: r.roleName,
    RoleId: r.roleId,
    Arn: r.arn,
    CreateDate: r.createdAt,
    AssumeRolePolicyDocument: r.trustPolicy,
    InstanceProfileList: r.instanceProfileArns.map((Arn) => ({ Arn })),
    RolePolicyList: inline(r.inlinePolicies),
    AttachedManagedPolicies: attached(r.attachedManagedPolicies),
    PermissionsBoundary: r.permissionsBoundaryArn
      ? { PermissionsBoundaryType: "Policy", PermissionsBoundaryArn: r.permissionsBoundaryArn }
      : null,
    Tags: tags(r.tags),
    RoleLastUsed: r.lastUsedAt || r.lastUsedRegion ? present({ LastUsedDate: r.lastUsedAt, Region: r.lastUsedRegion }) : {},
  });
}

function user(u: IamUser) {
  return present({
    Path: u.path,
    UserName: u.userName,
    UserId: u.userId,
    Arn: u.arn,
    CreateDate: u.createdAt,
    UserPolicyList: inline(u.inlinePolicies),
    GroupList: u.groupNames,
    AttachedManagedPolicies: attached(u.attachedManagedPolicies),
    PermissionsBoundary: u.permissionsBoundaryArn
      ? { PermissionsBoundaryType: "Policy", PermissionsBoundaryArn: u.permissionsBoundaryArn }
      : null,
    Tags: tags(u.tags),
  });
}

function group(g: IamGroup) {
  return present({
    Path: g.path,
    GroupName: g.groupName,
    GroupId: g.groupId,
    Arn: g.arn,
    CreateDate: g.createdAt,
    GroupPolicyList: inline(g.inlinePolicies),
    AttachedManagedPolicies: attached(g.attachedManagedPolicies),
  });
}

function policy(p: IamManagedPolicy) {
  return present({
    PolicyName: p.name,
    PolicyId: p.policyId,
    Arn: p.arn,
    Path: p.path,
    DefaultVersionId: p.defaultVersionId,
    AttachmentCount: p.attachmentCount,
    IsAttachable: p.isAttachable,
    Description: p.description,
    CreateDate: p.createdAt,
    UpdateDate: p.updatedAt,
    PolicyVersionList: [present({ Document: p.document, VersionId: p.defaultVersionId ?? "v1", IsDefaultVersion: true })],
  });
}

export function toAuthorizationDetails(iam: AccountIam) {
  return {
    UserDetailList: iam.users.map(user),
    GroupDetailList: iam.groups.map(group),
    RoleDetailList: iam.roles.map(role),
    Policies: iam.policies.map(policy),
  };
}

/** Every role when ListRoles was read in full; otherwise only the roles some ListRoles read described. */
export function toListRoles(iam: AccountIam, isComplete: boolean) {
  const listed = isComplete ? iam.roles : iam.roles.filter((r) => r.maxSessionDuration !== null || r.description !== null);
  return {
    Roles: listed.map((r) =>
      present({
        Path: r.path,
        RoleName: r.roleName,
        RoleId: r.roleId,
        Arn: r.arn,
        CreateDate: r.createdAt,
        Description: r.description,
        MaxSessionDuration: r.maxSessionDuration,
      }),
    ),
  };
}
