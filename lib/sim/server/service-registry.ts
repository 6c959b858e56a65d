import type { AwsService } from "../model/common";
import type { JsonHandler, QueryHandler } from "../protocol/request-context";
import { CLOUDTRAIL_OPERATIONS } from "../services/cloudtrail";
import { IAM_OPERATIONS } from "../services/iam";
import { IDENTITY_STORE_OPERATIONS } from "../services/identity-store";
import { KMS_OPERATIONS } from "../services/kms";
import { ORGANIZATIONS_OPERATIONS } from "../services/organizations";
import { ORGANIZATIONS_POLICY_OPERATIONS } from "../services/organizations-policies";
import { ORGANIZATIONS_TREE_OPERATIONS } from "../services/organizations-tree";
import { SSO_ADMIN_OPERATIONS } from "../services/sso-admin";
import { STS_OPERATIONS } from "../services/sts";

export type JsonService = "organizations" | "sso" | "identitystore" | "cloudtrail" | "kms";
export type QueryService = "iam" | "sts";

export const JSON_SERVICES: Record<JsonService, Record<string, JsonHandler>> = {
  organizations: { ...ORGANIZATIONS_OPERATIONS, ...ORGANIZATIONS_TREE_OPERATIONS, ...ORGANIZATIONS_POLICY_OPERATIONS },
  sso: SSO_ADMIN_OPERATIONS,
  identitystore: IDENTITY_STORE_OPERATIONS,
  cloudtrail: CLOUDTRAIL_OPERATIONS,
  kms: KMS_OPERATIONS,
};

export const QUERY_SERVICES: Record<QueryService, { namespace: string; operations: Record<string, QueryHandler> }> = {
  iam: { namespace: "https://iam.amazonaws.com/doc/2010-05-08/", operations: IAM_OPERATIONS },
  sts: { namespace: "https://sts.amazonaws.com/doc/2011-06-15/", operations: STS_OPERATIONS },
};

/** X-Amz-Target prefixes, for requests whose credential scope does not name the service. */
const TARGET_PREFIXES: Array<[string, JsonService]> = [
  ["AWSOrganizationsV20161128", "organizations"],
  ["SWBExternalService", "sso"],
  ["AWSIdentityStore", "identitystore"],
  ["CloudTrail_20131101", "cloudtrail"],
  ["TrentService", "kms"],
];

const SCOPE_SERVICES: Record<string, AwsService> = {
  organizations: "organizations",
  sso: "sso",
  identitystore: "identitystore",
  cloudtrail: "cloudtrail",
  kms: "kms",
  iam: "iam",
  sts: "sts",
};

export function jsonServiceFor(scopeService: string | undefined, target: string): JsonService | undefined {
  const fromScope = scopeService !== undefined ? SCOPE_SERVICES[scopeService] : undefined;
  if (fromScope !== undefined && fromScope in JSON_SERVICES) return fromScope as JsonService;
  const prefix = target.slice(0, target.lastIndexOf("."));
  return TARGET_PREFIXES.find(([p]) => prefix.endsWith(p))?.[1];
}

export function queryServiceFor(scopeService: string | undefined, version: string | undefined): QueryService | undefined {
  if (scopeService === "iam" || scopeService === "sts") return scopeService;
  if (version === "2010-05-08") return "iam";
  if (version === "2011-06-15") return "sts";
  return undefined;
}

/** Organizations, Identity Center and its identity store only answer in the management account. */
export const MANAGEMENT_ONLY: ReadonlySet<AwsService> = new Set(["organizations", "sso", "identitystore"]);

/** The exceptions AWS makes: operations any account of the organization may call. */
export const ANY_MEMBER_MAY_CALL: ReadonlySet<string> = new Set(["organizations:DescribeOrganization"]);

export const isManagementOnly = (service: AwsService, operation: string): boolean =>
  MANAGEMENT_ONLY.has(service) && !ANY_MEMBER_MAY_CALL.has(`${service}:${operation}`);
