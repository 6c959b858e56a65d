import type { AttachedPolicy, SimTag } from "./common";

export interface IdcInstance {
  instanceArn: string;
  identityStoreId: string;
  ownerAccountId: string;
  name: string;
  createdDate: Date;
  /** Region the instance lives in; reserved roles and SAML sign-ins happen here. */
  homeRegion: string;
}

export interface IdcUser {
  userId: string;
  userName: string;
  displayName: string;
  givenName: string;
  familyName: string;
  email: string;
  title?: string;
  status: "ENABLED" | "DISABLED";
  externalId?: { issuer: string; id: string };
  createdAt: Date;
}

export interface IdcGroup {
  groupId: string;
  displayName: string;
  description?: string;
  createdAt: Date;
}

export interface IdcMembership {
  membershipId: string;
  groupId: string;
  userId: string;
}

export interface IdcPermissionSet {
  arn: string;
  name: string;
  description?: string;
  createdDate: Date;
  /** ISO-8601 duration, e.g. `PT1H`. */
  sessionDuration: string;
  relayState?: string;
  managedPolicies: AttachedPolicy[];
  customerManagedPolicies: Array<{ name: string; path: string }>;
  /** Plain JSON text; empty string when the permission set has no inline policy. */
  inlinePolicy: string;
  permissionsBoundary?: { managedPolicyArn: string } | { customerManagedPolicyReference: { name: string; path: string } };
  tags: SimTag[];
}

export interface IdcAssignment {
  accountId: string;
  permissionSetArn: string;
  principalType: "USER" | "GROUP";
  principalId: string;
}

export interface IdentityCenterState {
  instance: IdcInstance;
  users: IdcUser[];
  groups: IdcGroup[];
  memberships: IdcMembership[];
  permissionSets: IdcPermissionSet[];
  assignments: IdcAssignment[];
}
