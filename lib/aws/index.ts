/**
 * lib/aws: AWS collectors. They read, they return plain data (./types), they never persist.
 */
export type * from "./types";

export { AWS_CONFIG_SCHEMA, DEFAULT_CONCURRENCY, resolveAwsConfig } from "./config";
export { awsConfigFromEnv } from "./config-from-env";
export type { AwsConcurrency, AwsConfig, AwsConfigInput } from "./config";

export { ClientPool, createClientPool, LOOKUP_EVENTS_PER_SECOND } from "./client-pool";
export { MAX_TIMEOUT_ATTEMPTS } from "./timeout-capped-retry";
export { ApiCallStats } from "./call-stats";
export { AUDIT_ROLE_SESSION_NAME, auditRoleArn, auditRoleCredentialsForPool, createAuditRoleCredentials } from "./assume-audit-role";
export type { AccountCredentials, AuditRoleOptions } from "./assume-audit-role";

export { collectAll, paginate, MARKER, NEXT_TOKEN, PaginationLoopError } from "./paginate";
export type { PagedCall } from "./paginate";
export { errorCode, isAccessDenied, isAwsFailure, isNotFound, isThrottling } from "./aws-errors";
export { createLimiter, mapLimited } from "./concurrency";
export type { Limiter } from "./concurrency";
export { createKeyedPacer, createPacer, SYSTEM_CLOCK } from "./pacer";
export type { Clock, Pacer } from "./pacer";

export { collectOrganizationTree, collectResourceTags } from "./organizations";
export { collectServiceControlPolicies } from "./service-control-policies";
export type { ServiceControlPoliciesResult } from "./service-control-policies";
export { isScpEnabled, SERVICE_CONTROL_POLICY_TYPE, toOrgPolicyTarget, toServiceControlPolicy } from "./map-service-control-policy";
export type { PolicySummaryInput, PolicyTargetInput } from "./map-service-control-policy";
export { collectAwsManagedPolicies } from "./aws-managed-policies";
export type { AwsManagedPoliciesResult } from "./aws-managed-policies";
export { attachedAwsManagedPolicyArns, isAwsManagedPolicyArn, parseAwsManagedPolicyArn } from "./aws-managed-policy-arns";
export { IAM_SOURCE, toAwsManagedPolicyDocument } from "./map-aws-managed-policy";
export type { ManagedPolicyInput, PolicyVersionInput } from "./map-aws-managed-policy";
export type { OrganizationTree } from "./organizations";
export { collectIdentityCenter, findIdentityCenterInstance } from "./identity-center";
// Mappers shared by the live collectors and lib/offline: one mapping per entity, SDK or CLI input.
export {
  assignmentKey,
  chooseIdentityCenterInstance,
  toAccountAssignment,
  toIdcGroup,
  toIdcMembership,
  toIdcUser,
} from "./map-identity-center";
export { toPermissionsBoundary, toPermissionSet } from "./map-identity-center";
export type { PermissionSetParts } from "./map-identity-center";
export { toOrgAccount, toOrganization, toOrgRoot, toOrgUnit } from "./map-organizations";
export type { OrgTreeParent } from "./map-organizations";
export { collectAccountIam, GAAD_FILTER } from "./iam";
export { mapAuthorizationDetails } from "./map-authorization-details";
export type { AuthorizationDetailsInput, ListedRoleInput } from "./map-authorization-details";
export { fetchCredentialReport } from "./credential-report";
export { CREDENTIAL_REPORT_COLUMNS, parseCredentialReport } from "./credential-report-csv";
export { decodePolicyDocument, plainNamedPolicy } from "./policy-document";
export { toIsoDateTime, toTags } from "./wire-values";
export {
  ACCOUNT_ID,
  AWS_REGION,
  IAM_POLICY_NAME,
  isOrgParentId,
  ORG_POLICY_ID,
  ORG_ROOT_ID,
  ORG_UNIT_ID,
  PERMISSION_SET_NAME,
} from "./aws-id-formats";
export type { WireTimestamp } from "./wire-values";
export {
  linkReservedRoles,
  parseReservedRoleName,
  parseReservedSsoArn,
  parseReservedSsoRole,
  RESERVED_SSO_PATH_PREFIX,
} from "./reserved-role";

export { collectCloudTrailPages } from "./cloudtrail";
export type { CloudTrailLookup } from "./cloudtrail";
export { normalizeTrailEvent, SIGN_IN_EVENT_NAMES } from "./cloudtrail-event";
export { CHANGE_EVENT_SOURCES, changedResources, resourceKey } from "./trail-event-resources";
export { cloudTrailFileText, parseCloudTrailLogFile, walkCloudTrailLogFiles } from "./cloudtrail-log-file";
export { CLOUDTRAIL_FILE_LIMITS, type CloudTrailFileLimits } from "./cloudtrail-log-file-limits";
export { InputLimitError, streamJsonArrayMember } from "./json-array-stream";

export { collectOrganization } from "./collect-organization";
export type { CollectOrganizationOptions, ProgressCallback } from "./collect-organization";

export { AWS_ACTIONS, COLLECTOR_ACTIONS } from "./required-actions";
export type { AwsAction } from "./required-actions";
