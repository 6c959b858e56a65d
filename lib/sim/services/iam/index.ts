import type { QueryHandler } from "../../protocol/request-context";
import { IAM_AUTHORIZATION_OPERATIONS } from "./iam-authorization-details";
import { IAM_CREDENTIAL_REPORT_OPERATIONS } from "./iam-credential-report";
import { IAM_ROLE_OPERATIONS } from "./iam-roles";
import { IAM_USER_OPERATIONS } from "./iam-users";

export const IAM_OPERATIONS: Record<string, QueryHandler> = {
  ...IAM_AUTHORIZATION_OPERATIONS,
  ...IAM_CREDENTIAL_REPORT_OPERATIONS,
  ...IAM_ROLE_OPERATIONS,
  ...IAM_USER_OPERATIONS,
};

export { newAccessKey } from "./iam-users";
export { buildCredentialReportCsv, CREDENTIAL_REPORT_COLUMNS } from "./credential-report-csv";
export { encodePolicyDocument } from "./encode-policy";
