/**
 * Every AWS action Vigil's collectors send, by where the credentials live. The IaC templates in
 * `infra/` grant exactly these (a unit test compares them), and the integration tests check that
 * every action the collectors actually sent against the simulator is listed here.
 */
export const AWS_ACTIONS = {
  /** Vigil host role: reach into member accounts */
  host: ["sts:AssumeRole"],
  /** management (or delegated admin) account: organisation structure and Identity Center */
  management: [
    "organizations:DescribeOrganization",
    "organizations:ListRoots",
    "organizations:ListOrganizationalUnitsForParent",
    "organizations:ListAccountsForParent",
    "organizations:ListTagsForResource",
    "organizations:ListPolicies",
    "organizations:DescribePolicy",
    "organizations:ListTargetsForPolicy",
    "sso:ListInstances",
    "sso:ListPermissionSets",
    "sso:DescribePermissionSet",
    "sso:ListManagedPoliciesInPermissionSet",
    "sso:ListCustomerManagedPolicyReferencesInPermissionSet",
    "sso:GetInlinePolicyForPermissionSet",
    "sso:GetPermissionsBoundaryForPermissionSet",
    "sso:ListAccountsForProvisionedPermissionSet",
    "sso:ListAccountAssignments",
    "sso:ListTagsForResource",
    "identitystore:ListUsers",
    "identitystore:ListGroups",
    "identitystore:ListGroupMemberships",
  ],
  /** every account read through the audit role (and the management account with base credentials) */
  member: [
    "iam:GetAccountAuthorizationDetails",
    "iam:ListRoles",
    "iam:GenerateCredentialReport",
    "iam:GetCredentialReport",
    "iam:GetPolicy",
    "iam:GetPolicyVersion",
    "cloudtrail:LookupEvents",
  ],
  /** allowed on the break-glass IAM user alone, for credential rotation */
  breakGlass: [
    "iam:CreateAccessKey",
    "iam:DeleteAccessKey",
    "iam:UpdateAccessKey",
    "iam:ListAccessKeys",
    "iam:UpdateLoginProfile",
    "iam:GetLoginProfile",
  ],
} as const;

export type AwsAction = (typeof AWS_ACTIONS)[keyof typeof AWS_ACTIONS][number];

/** The read actions collectors send (break-glass writes are sent by lib/breakglass, not by collectors). */
export const COLLECTOR_ACTIONS: readonly string[] = [...AWS_ACTIONS.host, ...AWS_ACTIONS.management, ...AWS_ACTIONS.member];
