import type { QueryHandler } from "../../protocol/request-context";
import { IAM_ACCOUNT_OPERATIONS } from "./iam-account";
import { IAM_AUTHORIZATION_OPERATIONS } from "./iam-authorization-details";
import { IAM_CREDENTIAL_REPORT_OPERATIONS } from "./iam-credential-report";
import { IAM_ENTITY_POLICY_OPERATIONS } from "./iam-entity-policies";
import { IAM_GROUP_OPERATIONS } from "./iam-groups";
import { IAM_POLICY_OPERATIONS } from "./iam-policies";
import { IAM_ROLE_OPERATIONS } from "./iam-roles";
import { IAM_USER_OPERATIONS } from "./iam-users";

export const IAM_OPERATIONS: Record<string, QueryHandler> = {
  ...IAM_ACCOUNT_OPERATIONS,
  ...IAM_AUTHORIZATION_OPERATIONS,
  ...IAM_CREDENTIAL_REPORT_OPERATIONS,
  ...IAM_ENTITY_POLICY_OPERATIONS,
  ...IAM_GROUP_OPERATIONS,
  ...IAM_POLICY_OPERATIONS,
  ...IAM_ROLE_OPERATIONS,
  ...IAM_USER_OPERATIONS,
};

export { newAccessKey } from "./iam-users";
export { buildCredentialReportCsv, CREDENTIAL_REPORT_COLUMNS } from "./credential-report-csv";
export { encodePolicyDocument } from "./encode-policy";
