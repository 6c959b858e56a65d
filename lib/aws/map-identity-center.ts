import type {
  AccountAssignment,
  IdcGroup,
  IdcGroupMembership,
  IdcUser,
  IdentityCenterInstance,
  NamedPolicy,
  PermissionSet,
  PermissionsBoundaryRef,
  PrincipalType,
  Tags,
} from "./types";
import { toIsoDateTime, type Maybe, type WireTimestamp } from "./wire-values";

/*
 * Identity Center entities from SSO Admin and Identity Store responses, whether the SDK returned
 * them (Dates) or the AWS CLI printed them (timestamps as text or numbers, nulls for absent fields).
 */

export interface InstanceInput {
  InstanceArn?: Maybe<string>;
  IdentityStoreId?: Maybe<string>;
  OwnerAccountId?: Maybe<string>;
  Name?: Maybe<string>;
  Status?: Maybe<string>;
  CreatedDate?: Maybe<WireTimestamp>;
}

type ExternalIdsInput = Maybe<ReadonlyArray<{ Issuer?: Maybe<string>; Id?: Maybe<string> }>>;

export interface IdcUserInput {
  UserId?: Maybe<string>;
  UserName?: Maybe<string>;
  DisplayName?: Maybe<string>;
  Name?: Maybe<{ GivenName?: Maybe<string>; FamilyName?: Maybe<string> }>;
  Emails?: Maybe<ReadonlyArray<{ Value?: Maybe<string>; Primary?: Maybe<boolean> }>>;
  UserStatus?: Maybe<string>;
  ExternalIds?: ExternalIdsInput;
}

export interface IdcGroupInput {
  GroupId?: Maybe<string>;
  DisplayName?: Maybe<string>;
  Description?: Maybe<string>;
  ExternalIds?: ExternalIdsInput;
}

export interface IdcMembershipInput {
  MembershipId?: Maybe<string>;
  MemberId?: Maybe<{ UserId?: Maybe<string> }>;
}

interface CustomerPolicyRefInput {
  Name?: Maybe<string>;
  Path?: Maybe<string>;
}

/** What makes up one permission set: DescribePermissionSet and the per-permission-set reads (null: not read). */
export interface PermissionSetParts {
  described: Maybe<{
    Name?: Maybe<string>;
    Description?: Maybe<string>;
    CreatedDate?: Maybe<WireTimestamp>;
    SessionDuration?: Maybe<string>;
    RelayState?: Maybe<string>;
  }>;
  awsManagedPolicies: Maybe<ReadonlyArray<{ Name?: Maybe<string>; Arn?: Maybe<string> }>>;
  customerManagedPolicies: Maybe<readonly CustomerPolicyRefInput[]>;
  inlinePolicy: NamedPolicy | null;
  permissionsBoundary: PermissionsBoundaryRef | null;
  tags: Tags | null;
  accountIds: Maybe<readonly string[]>;
}

export interface AccountAssignmentInput {
  AccountId?: Maybe<string>;
  PermissionSetArn?: Maybe<string>;
  PrincipalType?: Maybe<string>;
  PrincipalId?: Maybe<string>;
}

/** The active instance, else the first; null when there is none or it lacks its ARN or identity store. */
export function chooseIdentityCenterInstance(instances: readonly InstanceInput[]): IdentityCenterInstance | null {
  const chosen = instances.find((i) => i.Status === undefined || i.Status === null || i.Status === "ACTIVE") ?? instances[0];
  if (!chosen?.InstanceArn || !chosen.IdentityStoreId) return null;
  return {
    instanceArn: chosen.InstanceArn,
    identityStoreId: chosen.IdentityStoreId,
    ownerAccountId: chosen.OwnerAccountId ?? null,
    name: chosen.Name ?? null,
    status: chosen.Status ?? null,
    createdAt: toIsoDateTime(chosen.CreatedDate),
  };
}

function externalIds(list: ExternalIdsInput) {
  return (list ?? []).map((e) => ({ issuer: e.Issuer ?? "", id: e.Id ?? "" }));
}

export function toIdcUser(u: IdcUserInput): IdcUser {
  const userId = u.UserId ?? "";
  const email = u.Emails?.find((e) => e.Primary) ?? u.Emails?.[0];
  return {
    key: userId,
    userId,
    userName: u.UserName ?? "",
    displayName: u.DisplayName ?? null,
    primaryEmail: email?.Value ?? null,
    givenName: u.Name?.GivenName ?? null,
    familyName: u.Name?.FamilyName ?? null,
    status: u.UserStatus ?? null,
    externalIds: externalIds(u.ExternalIds),
  };
}

export function toIdcGroup(g: IdcGroupInput): IdcGroup {
  const groupId = g.GroupId ?? "";
  return {
    key: groupId,
    groupId,
    displayName: g.DisplayName ?? null,
    description: g.Description ?? null,
    externalIds: externalIds(g.ExternalIds),
  };
}

/** Members are users today; a future non-user member type gives null rather than a mis-keyed row. */
export function toIdcMembership(groupId: string, m: IdcMembershipInput): IdcGroupMembership | null {
  const userId = m.MemberId?.UserId;
  return userId ? { key: `${groupId}|${userId}`, membershipId: m.MembershipId ?? "", groupId, userId } : null;
}

export function toPermissionSet(arn: string, parts: PermissionSetParts): PermissionSet {
  const ps = parts.described;
  return {
    key: arn,
    arn,
    name: ps?.Name ?? "",
    description: ps?.Description ?? null,
    createdAt: toIsoDateTime(ps?.CreatedDate),
    sessionDuration: ps?.SessionDuration ?? null,
    relayState: ps?.RelayState ?? null,
    awsManagedPolicies: (parts.awsManagedPolicies ?? []).map((p) => ({ name: p.Name ?? "", arn: p.Arn ?? "" })),
    customerManagedPolicies: (parts.customerManagedPolicies ?? []).map(customerPolicyRef),
    inlinePolicy: parts.inlinePolicy,
    permissionsBoundary: parts.permissionsBoundary,
    tags: parts.tags,
    provisionedAccountIds: parts.accountIds ? [...parts.accountIds].sort() : null,
  };
}

function customerPolicyRef(p: CustomerPolicyRefInput): { name: string; path: string } {
  return { name: p.Name ?? "", path: p.Path ?? "/" };
}

/** No boundary: neither a managed policy ARN nor a customer-managed reference. */
export function toPermissionsBoundary(
  b: Maybe<{ ManagedPolicyArn?: Maybe<string>; CustomerManagedPolicyReference?: Maybe<CustomerPolicyRefInput> }>,
): PermissionsBoundaryRef | null {
  if (!b?.ManagedPolicyArn && !b?.CustomerManagedPolicyReference) return null;
  return {
    managedPolicyArn: b.ManagedPolicyArn ?? null,
    customerManagedPolicy: b.CustomerManagedPolicyReference ? customerPolicyRef(b.CustomerManagedPolicyReference) : null,
  };
}

export function assignmentKey(a: Omit<AccountAssignment, "key">): string {
  return `${a.accountId}|${a.permissionSetArn}|${a.principalType}|${a.principalId}`;
}

/** `requested`: the account and permission set the assignments were listed for, when the response leaves them out. */
export function toAccountAssignment(
  a: AccountAssignmentInput,
  requested?: { accountId: string; permissionSetArn: string },
): AccountAssignment {
  const value = {
    accountId: a.AccountId ?? requested?.accountId ?? "",
    permissionSetArn: a.PermissionSetArn ?? requested?.permissionSetArn ?? "",
    principalType: (a.PrincipalType ?? "USER") as PrincipalType,
    principalId: a.PrincipalId ?? "",
  };
  return { key: assignmentKey(value), ...value };
}
