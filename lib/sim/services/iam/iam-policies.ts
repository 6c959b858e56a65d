import { findAwsManagedPolicy } from "../../catalog/aws-managed-policies";
import { AwsError, queryValidationError } from "../../protocol/aws-error";
import type { FormParams } from "../../protocol/form-params";
import type { QueryHandler, RequestContext } from "../../protocol/request-context";
import { encodePolicyDocument } from "./encode-policy";
import { accountIam, iamPage, noSuchEntity } from "./iam-common";
import {
  allPolicyViews,
  AWS_POLICY_ARN_PREFIX,
  awsPolicyView,
  localPolicyView,
  policyUsage,
  policyXml,
  type ManagedPolicyView,
} from "./managed-policy-views";

const POLICY_ARN = /^arn:aws:iam::(aws|\d{12}):policy\/(?:.*\/)?[\w+=,.@-]+$/;
const VERSION_ID = /^v[1-9][0-9]*(\.[A-Za-z0-9-]*)?$/;
const PATH_PREFIX = /^\/(?:[\u0021-\u007F]*\/)?$/;
const SCOPES = ["All", "AWS", "Local"] as const;
const USAGE_FILTERS = ["PermissionsPolicy", "PermissionsBoundary"] as const;

const enumError = (value: string, field: string, allowed: readonly string[]) =>
  queryValidationError(
    `1 validation error detected: Value '${value}' at '${field}' failed to satisfy constraint: Member must satisfy enum value set: [${allowed.join(", ")}]`,
  );

function requirePolicyArn(params: FormParams): string {
  const arn = params.get("PolicyArn");
  if (arn === undefined)
    throw queryValidationError(
      "1 validation error detected: Value null at 'policyArn' failed to satisfy constraint: Member must not be null",
    );
  if (arn.length < 20 || arn.length > 2048)
    throw queryValidationError(
      `1 validation error detected: Value '${arn}' at 'policyArn' failed to satisfy constraint: Member must have length ${arn.length < 20 ? "greater than or equal to 20" : "less than or equal to 2048"}`,
    );
  if (!POLICY_ARN.test(arn)) throw new AwsError("InvalidInput", `ARN ${arn} is not valid.`, 400);
  return arn;
}

/** A managed policy the caller's account can read: its own customer policies or AWS's. */
function findPolicy(ctx: RequestContext, arn: string): ManagedPolicyView {
  const owner = arn.split(":")[4];
  if (owner !== "aws" && owner !== ctx.caller.accountId) {
    throw new AwsError(
      "AccessDenied",
      `User: ${ctx.caller.arn} is not authorized to perform: iam:${ctx.operation} on resource: policy ${arn}`,
      403,
    );
  }
  const iam = accountIam(ctx);
  const usage = policyUsage(iam);
  if (arn.startsWith(AWS_POLICY_ARN_PREFIX)) {
    const aws = findAwsManagedPolicy(arn);
    if (aws !== undefined && aws.arn === arn) return awsPolicyView(aws, usage);
  } else {
    const local = iam.policies.find((p) => p.arn === arn);
    if (local !== undefined) return localPolicyView(local, usage);
  }
  throw noSuchEntity(`Policy ${arn} was not found.`);
}

const getPolicy: QueryHandler = (ctx, params) => ({ Policy: policyXml(findPolicy(ctx, requirePolicyArn(params)), true) });

const getPolicyVersion: QueryHandler = (ctx, params) => {
  const arn = requirePolicyArn(params);
  const versionId = params.get("VersionId");
  if (versionId === undefined)
    throw queryValidationError(
      "1 validation error detected: Value null at 'versionId' failed to satisfy constraint: Member must not be null",
    );
  if (!VERSION_ID.test(versionId))
    throw queryValidationError(
      `1 validation error detected: Value '${versionId}' at 'versionId' failed to satisfy constraint: Member must satisfy regular expression pattern: v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?`,
    );
  const policy = findPolicy(ctx, arn);
  // Only the default version is kept: AWS's older versions are not part of the simulated catalog.
  if (versionId !== policy.defaultVersionId) throw noSuchEntity(`Policy ${arn} version ${versionId} does not exist or is not attachable.`);
  return {
    PolicyVersion: {
      Document: encodePolicyDocument(policy.document),
      VersionId: policy.defaultVersionId,
      IsDefaultVersion: true,
      CreateDate: policy.versionCreateDate,
    },
  };
};

const listPolicies: QueryHandler = (ctx, params) => {
  const scope = params.get("Scope") ?? "All";
  if (!(SCOPES as readonly string[]).includes(scope)) throw enumError(scope, "scope", SCOPES);
  const usageFilter = params.get("PolicyUsageFilter");
  if (usageFilter !== undefined && !(USAGE_FILTERS as readonly string[]).includes(usageFilter))
    throw enumError(usageFilter, "policyUsageFilter", USAGE_FILTERS);
  const pathPrefix = params.get("PathPrefix") ?? "/";
  if (pathPrefix.length > 512 || !PATH_PREFIX.test(pathPrefix))
    throw queryValidationError(
      `1 validation error detected: Value '${pathPrefix}' at 'pathPrefix' failed to satisfy constraint: Member must satisfy regular expression pattern: ((/[A-Za-z0-9\\.,\\+@=_-]+)*)/`,
    );
  const isOnlyAttached = params.bool("OnlyAttached") ?? false;
  const views = allPolicyViews(accountIam(ctx), { local: scope !== "AWS", aws: scope !== "Local" })
    .filter((p) => p.path.startsWith(pathPrefix))
    .filter((p) => !isOnlyAttached || p.attachmentCount > 0)
    .filter((p) => usageFilter !== "PermissionsPolicy" || p.attachmentCount > 0)
    .filter((p) => usageFilter !== "PermissionsBoundary" || p.boundaryCount > 0)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const page = iamPage(params, views, ["ListPolicies", ctx.caller.accountId, scope, pathPrefix, isOnlyAttached, usageFilter ?? ""]);
  return { Policies: page.items.map((p) => policyXml(p, false)), IsTruncated: page.isTruncated, Marker: page.nextToken };
};

export const IAM_POLICY_OPERATIONS: Record<string, QueryHandler> = {
  GetPolicy: getPolicy,
  GetPolicyVersion: getPolicyVersion,
  ListPolicies: listPolicies,
};
