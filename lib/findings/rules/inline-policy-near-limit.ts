import { fingerprintOf } from "../fingerprint";
import { identityCenterAccountId } from "../identity-center-helpers";
import type { FindingCandidate, Rule, RuleInput } from "../types";

/** PutInlinePolicyToPermissionSet: `InlinePolicy` length 1–32,768 characters (AWS API reference). */
export const PERMISSION_SET_INLINE_POLICY_QUOTA = 32_768;
export const NEAR_LIMIT_SHARE = 0.9;

function evaluate({ state }: RuleInput): FindingCandidate[] {
  const accountId = identityCenterAccountId(state);
  const findings: FindingCandidate[] = [];
  for (const ps of state.identityCenter?.permissionSets ?? []) {
    const size = ps.inlinePolicy?.rawDocument.length ?? 0;
    if (size <= PERMISSION_SET_INLINE_POLICY_QUOTA * NEAR_LIMIT_SHARE) continue;
    const percent = Math.round((size / PERMISSION_SET_INLINE_POLICY_QUOTA) * 1000) / 10;
    findings.push({
      rule: "INLINE_POLICY_NEAR_LIMIT",
      severity: "low",
      title: `Inline policy of permission set ${ps.name} uses ${percent} % of its ${PERMISSION_SET_INLINE_POLICY_QUOTA}-character quota`,
      resourceArn: ps.arn,
      accountId,
      evidence: { permissionSet: ps.name, characters: size, quota: PERMISSION_SET_INLINE_POLICY_QUOTA, percent },
      remediation: "Move statements into customer-managed policies referenced by the permission set, or split the permission set.",
      fingerprint: fingerprintOf("INLINE_POLICY_NEAR_LIMIT", accountId, ps.arn),
    });
  }
  return findings;
}

export const inlinePolicyNearLimit: Rule = {
  id: "INLINE_POLICY_NEAR_LIMIT",
  severity: "low",
  description: "A permission set's inline policy above 90 % of its 32,768-character quota.",
  reads: ["identityCenter.permissionSets"],
  evaluate,
};
