/**
 * AWS's own formats for identifiers Vigil builds file paths from (offline import/export, CloudTrail
 * log folders). Taken from the service models (botocore `organizations` AccountId / RootId /
 * OrganizationalUnitId, `sso-admin` PermissionSetName) and the SDK's partitions.json region regexes;
 * none of them can hold `/`, `\` or a path of only dots.
 */
export const ACCOUNT_ID = /^\d{12}$/;
export const ORG_ROOT_ID = /^r-[0-9a-z]{4,32}$/;
export const ORG_UNIT_ID = /^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/;
/** organizations PolicyId (AWS's own FullAWSAccess is `p-FullAWSAccess`) */
export const ORG_POLICY_ID = /^p-[0-9a-zA-Z_]{8,128}$/;
/** iam policyNameType: `[\w+=,.@-]+`, 1 to 128 characters */
export const IAM_POLICY_NAME = /^[\w+=,.@-]{1,128}$/;
/** sso-admin PermissionSetName: `[\w+=,.@-]+`, 1 to 32 characters */
export const PERMISSION_SET_NAME = /^[\w+=,.@-]{1,32}$/;
/** Every partition's regionRegex (aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b, aws-iso-e, aws-iso-f, aws-eusc). */
export const AWS_REGION =
  /^(?:(?:us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+|cn-\w+-\d+|us-gov-\w+-\d+|us-iso-\w+-\d+|us-isob-\w+-\d+|us-isof-\w+-\d+|eu-isoe-\w+-\d+|eusc-de-\w+-\d+)$/;

/** An Organizations parent: a root or an OU. */
export function isOrgParentId(value: string): boolean {
  return ORG_ROOT_ID.test(value) || ORG_UNIT_ID.test(value);
}
