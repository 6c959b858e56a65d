import { z } from "zod";
import { SERVICE_CONTROL_POLICY_TYPE, type SimServiceControlPolicy } from "../model/service-control-policy";
import type { SimState } from "../model/state";
import { AwsError } from "../protocol/aws-error";
import { parseJsonInput, readPageSize } from "../protocol/json-input";
import { fingerprint, paginate } from "../protocol/pagination";
import type { JsonHandler } from "../protocol/request-context";
import { organizationIndex } from "../lookup/organization-lookup";
import { scpIndex } from "../lookup/scp-lookup";

/** Policy types of the installed SDK's Organizations model; only SCPs exist in the simulator. */
const POLICY_TYPES = [
  "SERVICE_CONTROL_POLICY",
  "RESOURCE_CONTROL_POLICY",
  "DECLARATIVE_POLICY_EC2",
  "BACKUP_POLICY",
  "TAG_POLICY",
  "CHATBOT_POLICY",
  "AISERVICES_OPT_OUT_POLICY",
  "SECURITYHUB_POLICY",
  "SECURITYHUB_CSPM_POLICY",
  "INSPECTOR_POLICY",
  "UPGRADE_ROLLOUT_POLICY",
  "BEDROCK_POLICY",
  "S3_POLICY",
  "NETWORK_SECURITY_DIRECTOR_POLICY",
] as const;
const POLICY_ID = /^p-[0-9a-zA-Z_]{8,128}$/;
const TARGET_ID = /^(r-[0-9a-z]{4,32}|\d{12}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$/;

const invalidInput = (message: string, reason = "INVALID_INPUT"): AwsError =>
  new AwsError("InvalidInputException", message, 400, { Reason: reason });

const PAGE = z.object({ NextToken: z.string().optional(), MaxResults: z.number().optional() }).loose();

function pageOf<T>(all: readonly T[], input: z.infer<typeof PAGE>, print: unknown) {
  const limit = readPageSize(input.MaxResults, { min: 1, max: 20, fallback: 20, name: "maxResults" }, (m, isTooLarge) =>
    invalidInput(m, isTooLarge ? "MAX_VALUE_EXCEEDED" : "MIN_VALUE_EXCEEDED"),
  );
  return paginate(all, {
    token: input.NextToken,
    limit,
    print: fingerprint(print),
    invalidToken: () => invalidInput("The specified pagination token is invalid.", "INVALID_NEXT_TOKEN"),
  });
}

function readFilter(filter: unknown): string {
  if (filter === undefined || filter === null)
    throw invalidInput("1 validation error detected: Value null at 'filter' failed to satisfy constraint: Member must not be null");
  if (typeof filter !== "string" || !(POLICY_TYPES as readonly string[]).includes(filter))
    throw invalidInput("You specified an invalid policy type string.", "INVALID_ENUM_POLICY_TYPE");
  return filter;
}

function readPolicyId(value: unknown): string {
  if (typeof value !== "string")
    throw invalidInput("1 validation error detected: Value null at 'policyId' failed to satisfy constraint: Member must not be null");
  if (!POLICY_ID.test(value)) throw invalidInput("You specified an invalid value for policyId.", "INVALID_SYNTAX_POLICY_ID");
  return value;
}

function requirePolicy(state: SimState, policyId: string): SimServiceControlPolicy {
  const policy = scpIndex(state).byId.get(policyId);
  if (policy === undefined)
    throw new AwsError("PolicyNotFoundException", "We can't find a policy with the PolicyId that you specified.", 400);
  return policy;
}

const summaryOf = (p: SimServiceControlPolicy) => ({
  Id: p.id,
  Arn: p.arn,
  Name: p.name,
  Description: p.description,
  Type: SERVICE_CONTROL_POLICY_TYPE,
  AwsManaged: p.awsManaged,
});

function targetOf(state: SimState, targetId: string) {
  const index = organizationIndex(state);
  const root = state.roots.find((r) => r.id === targetId);
  if (root !== undefined) return { TargetId: root.id, Arn: root.arn, Name: root.name, Type: "ROOT" };
  const ou = index.ousById.get(targetId);
  if (ou !== undefined) return { TargetId: ou.id, Arn: ou.arn, Name: ou.name, Type: "ORGANIZATIONAL_UNIT" };
  const account = index.accountsById.get(targetId);
  if (account !== undefined) return { TargetId: account.id, Arn: account.arn, Name: account.name, Type: "ACCOUNT" };
  return undefined;
}

const listPolicies: JsonHandler = (ctx, input) => {
  const args = parseJsonInput(PAGE.extend({ Filter: z.unknown() }), input, (m) => invalidInput(m));
  const filter = readFilter(args.Filter);
  const policies = filter === SERVICE_CONTROL_POLICY_TYPE ? ctx.state.serviceControlPolicies : [];
  const page = pageOf(policies, args, ["ListPolicies", filter]);
  return { Policies: page.items.map(summaryOf), NextToken: page.nextToken };
};

const describePolicy: JsonHandler = (ctx, input) => {
  const args = parseJsonInput(z.object({ PolicyId: z.unknown() }).loose(), input, (m) => invalidInput(m));
  const policy = requirePolicy(ctx.state, readPolicyId(args.PolicyId));
  return { Policy: { PolicySummary: summaryOf(policy), Content: policy.content } };
};

const listTargetsForPolicy: JsonHandler = (ctx, input) => {
  const args = parseJsonInput(PAGE.extend({ PolicyId: z.unknown() }), input, (m) => invalidInput(m));
  const policy = requirePolicy(ctx.state, readPolicyId(args.PolicyId));
  const page = pageOf(policy.targetIds, args, ["ListTargetsForPolicy", policy.id]);
  return { Targets: page.items.map((id) => targetOf(ctx.state, id)).filter((t) => t !== undefined), NextToken: page.nextToken };
};

const listPoliciesForTarget: JsonHandler = (ctx, input) => {
  const args = parseJsonInput(PAGE.extend({ TargetId: z.unknown(), Filter: z.unknown() }), input, (m) => invalidInput(m));
  if (typeof args.TargetId !== "string")
    throw invalidInput("1 validation error detected: Value null at 'targetId' failed to satisfy constraint: Member must not be null");
  if (!TARGET_ID.test(args.TargetId)) throw invalidInput("You specified an invalid value for targetId.", "INVALID_PATTERN_TARGET_ID");
  const filter = readFilter(args.Filter);
  if (targetOf(ctx.state, args.TargetId) === undefined)
    throw new AwsError(
      "TargetNotFoundException",
      "We can't find a root, OU, account, or policy with the TargetId that you specified.",
      400,
    );
  const attached = filter === SERVICE_CONTROL_POLICY_TYPE ? (scpIndex(ctx.state).byTarget.get(args.TargetId) ?? []) : [];
  const page = pageOf(attached, args, ["ListPoliciesForTarget", args.TargetId, filter]);
  return { Policies: page.items.map(summaryOf), NextToken: page.nextToken };
};

export const ORGANIZATIONS_POLICY_OPERATIONS: Record<string, JsonHandler> = {
  ListPolicies: listPolicies,
  DescribePolicy: describePolicy,
  ListTargetsForPolicy: listTargetsForPolicy,
  ListPoliciesForTarget: listPoliciesForTarget,
};
