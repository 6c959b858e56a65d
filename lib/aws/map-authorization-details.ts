import { toNamedPolicy, toPolicyDocument, type PolicyDocumentInput } from "./policy-document";
import { parseReservedSsoRole } from "./reserved-role";
import type { IamGroup, IamManagedPolicy, IamRole, IamUser, ManagedPolicyRef } from "./types";
import { toIsoDateTime, toTags, type Maybe, type WireTag, type WireTimestamp } from "./wire-values";

/*
 * GetAccountAuthorizationDetails as the SDK returns it or as the AWS CLI prints it: the same
 * fields, but the SDK's dates are Dates and its documents URL-encoded text, where the CLI prints
 * timestamps as text or numbers and IAM documents as objects. Every field is optional here.
 */

interface InlinePolicyInput {
  PolicyName?: Maybe<string>;
  PolicyDocument?: Maybe<PolicyDocumentInput>;
}

interface AttachedPolicyInput {
  PolicyName?: Maybe<string>;
  PolicyArn?: Maybe<string>;
}

interface PrincipalInput {
  Arn?: Maybe<string>;
  Path?: Maybe<string>;
  CreateDate?: Maybe<WireTimestamp>;
  AttachedManagedPolicies?: Maybe<readonly AttachedPolicyInput[]>;
}

export interface RoleDetailInput extends PrincipalInput {
  RoleName?: Maybe<string>;
  RoleId?: Maybe<string>;
  AssumeRolePolicyDocument?: Maybe<PolicyDocumentInput>;
  RolePolicyList?: Maybe<readonly InlinePolicyInput[]>;
  PermissionsBoundary?: Maybe<{ PermissionsBoundaryArn?: Maybe<string> }>;
  Tags?: Maybe<readonly WireTag[]>;
  RoleLastUsed?: Maybe<{ LastUsedDate?: Maybe<WireTimestamp>; Region?: Maybe<string> }>;
  InstanceProfileList?: Maybe<ReadonlyArray<{ Arn?: Maybe<string> }>>;
}

export interface UserDetailInput extends PrincipalInput {
  UserName?: Maybe<string>;
  UserId?: Maybe<string>;
  GroupList?: Maybe<readonly string[]>;
  UserPolicyList?: Maybe<readonly InlinePolicyInput[]>;
  PermissionsBoundary?: Maybe<{ PermissionsBoundaryArn?: Maybe<string> }>;
  Tags?: Maybe<readonly WireTag[]>;
}

export interface GroupDetailInput extends PrincipalInput {
  GroupName?: Maybe<string>;
  GroupId?: Maybe<string>;
  GroupPolicyList?: Maybe<readonly InlinePolicyInput[]>;
}

export interface ManagedPolicyDetailInput {
  Arn?: Maybe<string>;
  PolicyName?: Maybe<string>;
  PolicyId?: Maybe<string>;
  Path?: Maybe<string>;
  Description?: Maybe<string>;
  DefaultVersionId?: Maybe<string>;
  AttachmentCount?: Maybe<number>;
  IsAttachable?: Maybe<boolean>;
  CreateDate?: Maybe<WireTimestamp>;
  UpdateDate?: Maybe<WireTimestamp>;
  PolicyVersionList?: Maybe<
    ReadonlyArray<{ Document?: Maybe<PolicyDocumentInput>; VersionId?: Maybe<string>; IsDefaultVersion?: Maybe<boolean> }>
  >;
}

export interface AuthorizationDetailsInput {
  RoleDetailList?: Maybe<readonly RoleDetailInput[]>;
  UserDetailList?: Maybe<readonly UserDetailInput[]>;
  GroupDetailList?: Maybe<readonly GroupDetailInput[]>;
  Policies?: Maybe<readonly ManagedPolicyDetailInput[]>;
}

/** ListRoles: what GAAD omits (MaxSessionDuration, Description). */
export interface ListedRoleInput {
  Arn?: Maybe<string>;
  MaxSessionDuration?: Maybe<number>;
  Description?: Maybe<string>;
}

export interface MappedAuthorizationDetails {
  roles: IamRole[];
  users: IamUser[];
  groups: IamGroup[];
  policies: IamManagedPolicy[];
}

/** One account's roles, users, groups and managed policies; `listedRoles` absent leaves session limits and descriptions null. */
export function mapAuthorizationDetails(
  accountId: string,
  details: AuthorizationDetailsInput,
  listedRoles: readonly ListedRoleInput[] | undefined,
): MappedAuthorizationDetails {
  const listed = new Map((listedRoles ?? []).map((r) => [r.Arn ?? "", r]));
  return {
    roles: (details.RoleDetailList ?? []).map((r) => toRole(accountId, r, listed.get(r.Arn ?? ""))),
    users: (details.UserDetailList ?? []).map((u) => toUser(accountId, u)),
    groups: (details.GroupDetailList ?? []).map((g) => toGroup(accountId, g)),
    policies: (details.Policies ?? []).map((p) => toPolicy(accountId, p)),
  };
}

function attached(list: Maybe<readonly AttachedPolicyInput[]>): ManagedPolicyRef[] {
  return (list ?? []).map((p) => ({ name: p.PolicyName ?? "", arn: p.PolicyArn ?? "" }));
}

function inline(list: Maybe<readonly InlinePolicyInput[]>) {
  return (list ?? []).map((p) => toNamedPolicy(p.PolicyName, p.PolicyDocument));
}

function toRole(accountId: string, r: RoleDetailInput, listed: ListedRoleInput | undefined): IamRole {
  const arn = r.Arn ?? "";
  const path = r.Path ?? "/";
  const roleName = r.RoleName ?? "";
  return {
    key: arn,
    accountId,
    arn,
    roleName,
    roleId: r.RoleId ?? "",
    path,
    createdAt: toIsoDateTime(r.CreateDate),
    description: listed?.Description ?? null,
    maxSessionDuration: listed?.MaxSessionDuration ?? null,
    trustPolicy: toPolicyDocument(r.AssumeRolePolicyDocument),
    inlinePolicies: inline(r.RolePolicyList),
    attachedManagedPolicies: attached(r.AttachedManagedPolicies),
    permissionsBoundaryArn: r.PermissionsBoundary?.PermissionsBoundaryArn ?? null,
    tags: toTags(r.Tags),
    lastUsedAt: toIsoDateTime(r.RoleLastUsed?.LastUsedDate),
    lastUsedRegion: r.RoleLastUsed?.Region ?? null,
    instanceProfileArns: (r.InstanceProfileList ?? []).flatMap((p) => (p.Arn ? [p.Arn] : [])),
    isServiceLinked: path.startsWith("/aws-service-role/"),
    identityCenter: parseReservedSsoRole(path, roleName),
  };
}

function toUser(accountId: string, u: UserDetailInput): IamUser {
  const arn = u.Arn ?? "";
  return {
    key: arn,
    accountId,
    arn,
    userName: u.UserName ?? "",
    userId: u.UserId ?? "",
    path: u.Path ?? "/",
    createdAt: toIsoDateTime(u.CreateDate),
    groupNames: [...(u.GroupList ?? [])],
    inlinePolicies: inline(u.UserPolicyList),
    attachedManagedPolicies: attached(u.AttachedManagedPolicies),
    permissionsBoundaryArn: u.PermissionsBoundary?.PermissionsBoundaryArn ?? null,
    tags: toTags(u.Tags),
  };
}

function toGroup(accountId: string, g: GroupDetailInput): IamGroup {
  const arn = g.Arn ?? "";
  return {
    key: arn,
    accountId,
    arn,
    groupName: g.GroupName ?? "",
    groupId: g.GroupId ?? "",
    path: g.Path ?? "/",
    createdAt: toIsoDateTime(g.CreateDate),
    inlinePolicies: inline(g.GroupPolicyList),
    attachedManagedPolicies: attached(g.AttachedManagedPolicies),
  };
}

function toPolicy(accountId: string, p: ManagedPolicyDetailInput): IamManagedPolicy {
  const arn = p.Arn ?? "";
  const versions = p.PolicyVersionList ?? [];
  const defaultVersion = versions.find((v) => v.IsDefaultVersion) ?? versions.find((v) => v.VersionId === p.DefaultVersionId);
  return {
    key: arn,
    accountId,
    arn,
    name: p.PolicyName ?? "",
    policyId: p.PolicyId ?? "",
    path: p.Path ?? "/",
    description: p.Description ?? null,
    defaultVersionId: p.DefaultVersionId ?? null,
    attachmentCount: p.AttachmentCount ?? null,
    isAttachable: p.IsAttachable ?? null,
    createdAt: toIsoDateTime(p.CreateDate),
    updatedAt: toIsoDateTime(p.UpdateDate),
    document: toPolicyDocument(defaultVersion?.Document),
  };
}
