import { decodePolicyDocument } from "./policy-document";
import type { OrgPolicyTarget, OrgPolicyTargetType, ServiceControlPolicy } from "./types";
import type { Maybe } from "./wire-values";

/*
 * Service control policies from the SDK's responses or the AWS CLI's JSON (`describe-policy`,
 * `list-targets-for-policy`): the same fields, absent ones sometimes null in the CLI's output.
 */

export const SERVICE_CONTROL_POLICY_TYPE = "SERVICE_CONTROL_POLICY";

export interface PolicySummaryInput {
  Id?: Maybe<string>;
  Arn?: Maybe<string>;
  Name?: Maybe<string>;
  Description?: Maybe<string>;
  Type?: Maybe<string>;
  AwsManaged?: Maybe<boolean>;
}

export interface PolicyTargetInput {
  TargetId?: Maybe<string>;
  Arn?: Maybe<string>;
  Name?: Maybe<string>;
  Type?: Maybe<string>;
}

const TARGET_TYPES: ReadonlySet<string> = new Set<OrgPolicyTargetType>(["ROOT", "ORGANIZATIONAL_UNIT", "ACCOUNT"]);

/** Whether SCPs are in force under a root: only then does an SCP restrict anything (`ListRoots` PolicyTypes). */
export function isScpEnabled(root: { policyTypes: ReadonlyArray<{ type: string; status: string }> }): boolean {
  return root.policyTypes.some((p) => p.type === SERVICE_CONTROL_POLICY_TYPE && p.status === "ENABLED");
}

/** The target's type as AWS names it; an unknown one is inferred from the id's format (`r-`, `ou-`, digits). */
export function toOrgPolicyTarget(t: PolicyTargetInput): OrgPolicyTarget {
  const targetId = t.TargetId ?? "";
  const type = t.Type && TARGET_TYPES.has(t.Type) ? (t.Type as OrgPolicyTargetType) : targetTypeOf(targetId);
  return { targetId, type, name: t.Name ?? null, arn: t.Arn ?? null };
}

function targetTypeOf(targetId: string): OrgPolicyTargetType {
  if (targetId.startsWith("r-")) return "ROOT";
  if (targetId.startsWith("ou-")) return "ORGANIZATIONAL_UNIT";
  return "ACCOUNT";
}

/** DescribePolicy's `Content` is plain JSON text (Organizations does not URL-encode it). */
export function toServiceControlPolicy(
  summary: PolicySummaryInput,
  content: Maybe<string>,
  targets: readonly PolicyTargetInput[],
): ServiceControlPolicy {
  const id = summary.Id ?? "";
  const rawDocument = content ?? "";
  return {
    key: id,
    id,
    arn: summary.Arn ?? "",
    name: summary.Name ?? "",
    description: summary.Description || null,
    awsManaged: summary.AwsManaged === true,
    document: decodePolicyDocument(rawDocument),
    rawDocument,
    targets: targets.map(toOrgPolicyTarget).sort((a, b) => a.targetId.localeCompare(b.targetId)),
  };
}
