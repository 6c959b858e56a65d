import { z } from "zod";
import { accountId, cliTimestamp, permissionSetName, tagList } from "./common";

export const LIST_INSTANCES = z.object({
  Instances: z.array(
    z
      .object({
        InstanceArn: z.string().min(1),
        IdentityStoreId: z.string().min(1),
        OwnerAccountId: z.string().nullish(),
        Name: z.string().nullish(),
        Status: z.string().nullish(),
        CreatedDate: cliTimestamp.nullish(),
      })
      .loose(),
  ),
});

const externalIds = z.array(z.object({ Issuer: z.string().optional(), Id: z.string().optional() }).loose()).optional();

export const LIST_USERS = z.object({
  Users: z.array(
    z
      .object({
        UserId: z.string().min(1),
        IdentityStoreId: z.string().optional(),
        UserName: z.string().optional(),
        DisplayName: z.string().nullish(),
        Name: z.object({ GivenName: z.string().nullish(), FamilyName: z.string().nullish() }).loose().nullish(),
        Emails: z.array(z.object({ Value: z.string().optional(), Primary: z.boolean().optional() }).loose()).optional(),
        UserStatus: z.string().nullish(),
        ExternalIds: externalIds,
      })
      .loose(),
  ),
});

export const LIST_GROUPS = z.object({
  Groups: z.array(
    z
      .object({
        GroupId: z.string().min(1),
        IdentityStoreId: z.string().optional(),
        DisplayName: z.string().nullish(),
        Description: z.string().nullish(),
        ExternalIds: externalIds,
      })
      .loose(),
  ),
});

const membershipsPage = z.object({
  GroupMemberships: z.array(
    z
      .object({
        MembershipId: z.string().optional(),
        GroupId: z.string().min(1),
        MemberId: z.object({ UserId: z.string().optional() }).loose(),
      })
      .loose(),
  ),
});

/** One `list-group-memberships` output, or an array of them (one per group). */
export const LIST_GROUP_MEMBERSHIPS = z.union([membershipsPage, z.array(membershipsPage)]);

function unwrapPermissionSet(value: unknown): unknown {
  if (typeof value === "object" && value !== null && "PermissionSet" in value) {
    const inner = (value as { PermissionSet: unknown }).PermissionSet;
    if (typeof inner === "object" && inner !== null) return inner;
  }
  return value;
}

/** `identity-center/permission-sets/<name>.json`: the outputs of the per-permission-set reads, together. */
export const PERMISSION_SET_FILE = z
  .object({
    /** describe-permission-set's `PermissionSet`, or its whole output `{ "PermissionSet": {…} }` */
    PermissionSet: z.preprocess(
      unwrapPermissionSet,
      z.lazy(() => DESCRIBED_PERMISSION_SET),
    ),
    AttachedManagedPolicies: z.array(z.object({ Name: z.string().optional(), Arn: z.string().optional() }).loose()).default([]),
    CustomerManagedPolicyReferences: z.array(z.object({ Name: z.string(), Path: z.string().optional() }).loose()).default([]),
    /** get-inline-policy-for-permission-set's `InlinePolicy`: JSON text, "" when none; an object is accepted too */
    InlinePolicy: z.union([z.string(), z.record(z.string(), z.unknown())]).nullish(),
    PermissionsBoundary: z
      .object({
        ManagedPolicyArn: z.string().nullish(),
        CustomerManagedPolicyReference: z.object({ Name: z.string(), Path: z.string().optional() }).loose().nullish(),
      })
      .loose()
      .nullish(),
    /** optional: list-tags-for-resource's `Tags` */
    Tags: tagList.optional(),
    /** optional: list-accounts-for-provisioned-permission-set's `AccountIds` */
    AccountIds: z.array(accountId).optional(),
  })
  .loose();

export const DESCRIBED_PERMISSION_SET = z.looseObject({
  Name: permissionSetName,
  PermissionSetArn: z.string().min(1),
  Description: z.string().nullish(),
  CreatedDate: cliTimestamp.nullish(),
  SessionDuration: z.string().nullish(),
  RelayState: z.string().nullish(),
});

export const ACCOUNT_ASSIGNMENTS = z.object({
  AccountAssignments: z.array(
    z
      .object({
        AccountId: accountId,
        PermissionSetArn: z.string().min(1),
        PrincipalType: z.enum(["USER", "GROUP"]),
        PrincipalId: z.string().min(1),
      })
      .loose(),
  ),
});

export type PermissionSetFile = z.infer<typeof PERMISSION_SET_FILE>;
