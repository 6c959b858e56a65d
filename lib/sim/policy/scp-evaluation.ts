import { evaluateCondition, type ConditionContext } from "./condition-evaluation";
import { statementsOf, type PolicyDocument } from "./policy-document";
import { actionMatches, resourceMatches } from "./statement-matching";

/** The SCPs attached directly to one level of the path root → OUs → account. */
export interface ScpLevel {
  targetId: string;
  policies: Array<{ arn: string; document: PolicyDocument | undefined }>;
}

export interface ScpRequest {
  action: string;
  resource: string;
  context: ConditionContext;
}

export type ScpDecision =
  | { isAllowed: true }
  | { isAllowed: false; reason: "explicit-deny"; policyArn: string }
  | { isAllowed: false; reason: "no-allow"; targetId: string };

/**
 * AWS's SCP logic: a matching Deny in any SCP on the path refuses; otherwise every level (the
 * root, each OU down the path, the account) needs at least one SCP whose Allow matches, since an
 * SCP only filters what lies below it. SCPs carry no Principal: they apply to every principal of
 * the account they govern.
 */
export function evaluateScps(levels: readonly ScpLevel[], request: ScpRequest): ScpDecision {
  const applies = (statement: ReturnType<typeof statementsOf>[number]) =>
    actionMatches(statement, request.action) &&
    resourceMatches(statement, request.resource) &&
    evaluateCondition(statement.Condition, request.context).matches;

  for (const level of levels) {
    for (const policy of level.policies) {
      if (policy.document === undefined) continue;
      if (statementsOf(policy.document).some((s) => s.Effect === "Deny" && applies(s))) {
        return { isAllowed: false, reason: "explicit-deny", policyArn: policy.arn };
      }
    }
  }
  for (const level of levels) {
    const isAllowedHere = level.policies.some(
      (p) => p.document !== undefined && statementsOf(p.document).some((s) => s.Effect === "Allow" && applies(s)),
    );
    if (!isAllowedHere) return { isAllowed: false, reason: "no-allow", targetId: level.targetId };
  }
  return { isAllowed: true };
}
