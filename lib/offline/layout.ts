import { encodePathSegment as seg } from "./path-segment";

/**
 * The offline directory layout (see README.md). Paths are relative to the import/export root and
 * always use `/`. Every file is exactly what the named AWS CLI command prints with `--output json`
 * (the credential report is the decoded CSV). Ids and names are encoded into path segments
 * (path-segment.ts): values in AWS's formats come through unchanged, nothing else can leave the root.
 */
export const LAYOUT = {
  /** written by `vigil export-snapshot` only: which snapshot, the time its data describes, its coverage */
  manifest: "vigil-export.json",
  describeOrganization: "organizations/describe-organization.json",
  listRoots: "organizations/list-roots.json",
  listAccounts: "organizations/list-accounts.json",
  /** `list-organizational-units-for-parent --parent-id <parentId>` */
  ousForParent: (parentId: string) => `organizations/parents/${seg(parentId)}/organizational-units.json`,
  /** `list-accounts-for-parent --parent-id <parentId>` */
  accountsForParent: (parentId: string) => `organizations/parents/${seg(parentId)}/accounts.json`,
  parentsDir: "organizations/parents",
  /** `list-tags-for-resource --resource-id <accountId>` */
  accountTags: (accountId: string) => `organizations/tags/${seg(accountId)}.json`,
  tagsDir: "organizations/tags",
  /** `list-policies --filter SERVICE_CONTROL_POLICY` */
  listPolicies: "organizations/policies/list-policies.json",
  policiesDir: "organizations/policies",
  /** `describe-policy --policy-id <policyId>` */
  describePolicy: (policyId: string) => `organizations/policies/${seg(policyId)}/describe-policy.json`,
  /** `list-targets-for-policy --policy-id <policyId>` */
  policyTargets: (policyId: string) => `organizations/policies/${seg(policyId)}/targets.json`,

  awsManagedPoliciesDir: "aws-managed-policies",
  /** `get-account-authorization-details --filter AWSManagedPolicy`, from any one account */
  awsManagedAuthorizationDetails: "aws-managed-policies/authorization-details.json",
  policyVersionsDir: "aws-managed-policies/policy-versions",
  /** `get-policy-version --policy-arn <arn> --version-id <default version>`; AWS-managed policy names are unique */
  policyVersion: (policyName: string) => `aws-managed-policies/policy-versions/${seg(policyName)}.json`,

  iamDir: "iam",
  authorizationDetails: (accountId: string) => `iam/${seg(accountId)}/authorization-details.json`,
  listRoles: (accountId: string) => `iam/${seg(accountId)}/list-roles.json`,
  credentialReportCsv: (accountId: string) => `iam/${seg(accountId)}/credential-report.csv`,
  /** `get-credential-report` as printed (base64 Content, GeneratedTime); optional beside the CSV */
  getCredentialReport: (accountId: string) => `iam/${seg(accountId)}/get-credential-report.json`,

  listInstances: "identity-center/list-instances.json",
  users: "identity-center/users.json",
  groups: "identity-center/groups.json",
  groupMemberships: "identity-center/group-memberships.json",
  /** one `list-group-memberships` output per group, as an alternative to the single file */
  groupMembershipsDir: "identity-center/group-memberships",
  permissionSetsDir: "identity-center/permission-sets",
  permissionSet: (name: string) => `identity-center/permission-sets/${seg(name)}.json`,
  accountAssignments: "identity-center/account-assignments.json",

  cloudTrailDir: "cloudtrail",
  /** where an export writes events: `lookup-events`-shaped, one file per account and region */
  exportedLookupEvents: (accountId: string, region: string) =>
    `cloudtrail/lookup-events/${seg(accountId || "unknown-account")}/${seg(region || "unknown-region")}/events.json`,
} as const;
