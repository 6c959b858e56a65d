import type { IsoDateTime, ManagedPolicyRef, NamedPolicy, Tags } from "./types-common";

export interface IdentityCenterInstance {
  instanceArn: string;
  identityStoreId: string;
  ownerAccountId: string | null;
  name: string | null;
  status: string | null;
  createdAt: IsoDateTime | null;
}

export interface IdcUser {
  /** natural key: `UserId` */
  key: string;
  userId: string;
  userName: string;
  displayName: string | null;
  primaryEmail: string | null;
  givenName: string | null;
  familyName: string | null;
  /** ENABLED | DISABLED when the store reports it; null for stores that predate the field */
  status: string | null;
  externalIds: Array<{ issuer: string; id: string }>;
}

export interface IdcGroup {
  /** natural key: `GroupId` */
  key: string;
  groupId: string;
  displayName: string | null;
  description: string | null;
  externalIds: Array<{ issuer: string; id: string }>;
}

export interface IdcGroupMembership {
  /** natural key: `${groupId}|${userId}` */
  key: string;
  membershipId: string;
  groupId: string;
  userId: string;
}

export interface PermissionsBoundaryRef {
  managedPolicyArn: string | null;
  customerManagedPolicy: { name: string; path: string } | null;
}

export interface PermissionSet {
  /** natural key: permission set ARN */
  key: string;
  arn: string;
  name: string;
  description: string | null;
  createdAt: IsoDateTime | null;
  /** ISO-8601 duration, e.g. `PT8H` */
  sessionDuration: string | null;
  relayState: string | null;
  awsManagedPolicies: ManagedPolicyRef[];
  customerManagedPolicies: Array<{ name: string; path: string }>;
  /** null when the permission set has no inline policy */
  inlinePolicy: NamedPolicy | null;
  permissionsBoundary: PermissionsBoundaryRef | null;
  tags: Tags | null;
  /** accounts the permission set is provisioned to; null when this could not be read */
  provisionedAccountIds: string[] | null;
}

export type PrincipalType = "USER" | "GROUP";

export interface AccountAssignment {
  /** natural key: `${accountId}|${permissionSetArn}|${principalType}|${principalId}` */
  key: string;
  accountId: string;
  permissionSetArn: string;
  principalType: PrincipalType;
  principalId: string;
}

export interface IdentityCenterInventory {
  instance: IdentityCenterInstance;
  users: IdcUser[];
  groups: IdcGroup[];
  memberships: IdcGroupMembership[];
  permissionSets: PermissionSet[];
  assignments: AccountAssignment[];
}
