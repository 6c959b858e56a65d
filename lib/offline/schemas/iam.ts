import { z } from "zod";
import { cliTimestamp, policyDocumentInput, tagList } from "./common";

const inlinePolicy = z.object({ PolicyName: z.string(), PolicyDocument: policyDocumentInput.optional() }).loose();
const attachedPolicy = z.object({ PolicyName: z.string().optional(), PolicyArn: z.string().optional() }).loose();
const boundary = z.object({ PermissionsBoundaryArn: z.string().optional() }).loose().nullish();

export const ROLE_DETAIL = z
  .object({
    Arn: z.string().min(1),
    RoleName: z.string().min(1),
    RoleId: z.string().optional(),
    Path: z.string().optional(),
    CreateDate: cliTimestamp.nullish(),
    AssumeRolePolicyDocument: policyDocumentInput.nullish(),
    RolePolicyList: z.array(inlinePolicy).optional(),
    AttachedManagedPolicies: z.array(attachedPolicy).optional(),
    PermissionsBoundary: boundary,
    Tags: tagList.optional(),
    RoleLastUsed: z.object({ LastUsedDate: cliTimestamp.nullish(), Region: z.string().nullish() }).loose().nullish(),
    InstanceProfileList: z.array(z.object({ Arn: z.string().optional() }).loose()).optional(),
  })
  .loose();

export const USER_DETAIL = z
  .object({
    Arn: z.string().min(1),
    UserName: z.string().min(1),
    UserId: z.string().optional(),
    Path: z.string().optional(),
    CreateDate: cliTimestamp.nullish(),
    GroupList: z.array(z.string()).optional(),
    UserPolicyList: z.array(inlinePolicy).optional(),
    AttachedManagedPolicies: z.array(attachedPolicy).optional(),
    PermissionsBoundary: boundary,
    Tags: tagList.optional(),
  })
  .loose();

export const GROUP_DETAIL = z
  .object({
    Arn: z.string().min(1),
    GroupName: z.string().min(1),
    GroupId: z.string().optional(),
    Path: z.string().optional(),
    CreateDate: cliTimestamp.nullish(),
    GroupPolicyList: z.array(inlinePolicy).optional(),
    AttachedManagedPolicies: z.array(attachedPolicy).optional(),
  })
  .loose();

export const MANAGED_POLICY_DETAIL = z
  .object({
    Arn: z.string().min(1),
    PolicyName: z.string().optional(),
    PolicyId: z.string().optional(),
    Path: z.string().optional(),
    Description: z.string().nullish(),
    DefaultVersionId: z.string().nullish(),
    AttachmentCount: z.number().int().nullish(),
    IsAttachable: z.boolean().nullish(),
    CreateDate: cliTimestamp.nullish(),
    UpdateDate: cliTimestamp.nullish(),
    PolicyVersionList: z
      .array(
        z
          .object({ Document: policyDocumentInput.nullish(), VersionId: z.string().optional(), IsDefaultVersion: z.boolean().optional() })
          .loose(),
      )
      .optional(),
  })
  .loose();

/** `aws iam get-account-authorization-details` (the CLI merges the pages into one object). */
export const AUTHORIZATION_DETAILS = z
  .object({
    UserDetailList: z.array(USER_DETAIL).default([]),
    GroupDetailList: z.array(GROUP_DETAIL).default([]),
    RoleDetailList: z.array(ROLE_DETAIL).default([]),
    Policies: z.array(MANAGED_POLICY_DETAIL).default([]),
  })
  .loose();

export const LIST_ROLES = z.object({
  Roles: z.array(
    z.object({ Arn: z.string().min(1), MaxSessionDuration: z.number().int().nullish(), Description: z.string().nullish() }).loose(),
  ),
});

export const GET_CREDENTIAL_REPORT = z
  .object({ Content: z.string().optional(), ReportFormat: z.string().optional(), GeneratedTime: cliTimestamp.nullish() })
  .loose();

export type AuthorizationDetails = z.infer<typeof AUTHORIZATION_DETAILS>;
export type ListRoles = z.infer<typeof LIST_ROLES>;
