import { diffJson } from "../../drift";
import { fingerprintOf } from "../fingerprint";
import { customerRoles } from "../trust-statements";
import type { FindingCandidate, Rule, RuleInput } from "../types";

function evaluate({ state, baselines, events }: RuleInput): FindingCandidate[] {
  const findings: FindingCandidate[] = [];
  for (const role of customerRoles(state)) {
    const baseline = baselines.get(role.arn);
    if (!baseline) continue;
    const changes = diffJson(baseline.document, role.trustPolicy);
    if (changes.length === 0) continue;
    const updates = events.trustPolicyUpdates.get(role.arn) ?? [];
    findings.push({
      rule: "TRUST_POLICY_DRIFT",
      severity: "high",
      title: `Trust policy of role ${role.roleName} differs from its approved baseline`,
      resourceArn: role.arn,
      accountId: role.accountId,
      evidence: {
        diff: changes,
        baseline: {
          sinceSnapshotId: baseline.sinceSnapshotId,
          approvedBy: baseline.approvedBy,
          approvedAt: baseline.approvedAt?.toISOString() ?? null,
          document: baseline.document,
        },
        current: role.trustPolicy,
        changedInSnapshotId: baseline.changedInSnapshotId,
        updateAssumeRolePolicyEvents: updates,
      },
      remediation:
        "Find out who changed the trust (see the UpdateAssumeRolePolicy event) and why. Restore the baseline if the change was not intended; an approver approves it as the new baseline if it was.",
      fingerprint: fingerprintOf("TRUST_POLICY_DRIFT", role.accountId, role.arn),
    });
  }
  return findings;
}

export const trustPolicyDrift: Rule = {
  id: "TRUST_POLICY_DRIFT",
  severity: "high",
  description:
    "A role's trust policy differs from its approved baseline (the first version Vigil saw, until an approver approves a newer one).",
  reads: ["iam.authorizationDetails", "trustBaselines"],
  evaluate,
};
