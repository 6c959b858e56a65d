import { fingerprintOf } from "../fingerprint";
import { permissionSetsByArn, principalLabels } from "../identity-center-helpers";
import type { FindingCandidate, Rule, RuleInput } from "../types";

function evaluate({ state }: RuleInput): FindingCandidate[] {
  const permissionSets = permissionSetsByArn(state);
  const principalLabel = principalLabels(state);
  const findings: FindingCandidate[] = [];
  for (const assignment of state.identityCenter?.assignments ?? []) {
    if (assignment.principalType !== "USER") continue;
    const user = principalLabel(assignment);
    const permissionSet = permissionSets.get(assignment.permissionSetArn)?.name ?? assignment.permissionSetArn;
    findings.push({
      rule: "DIRECT_USER_ASSIGNMENT",
      severity: "low",
      title: `${user} is assigned ${permissionSet} on account ${assignment.accountId} directly, not through a group`,
      resourceArn: assignment.key,
      accountId: assignment.accountId,
      evidence: {
        assignment: { ...assignment },
        userId: assignment.principalId,
        userName: user,
        permissionSet,
      },
      remediation: "Assign the permission set to a group the user belongs to, then remove the direct assignment.",
      fingerprint: fingerprintOf("DIRECT_USER_ASSIGNMENT", assignment.accountId, assignment.key),
    });
  }
  return findings;
}

export const directUserAssignment: Rule = {
  id: "DIRECT_USER_ASSIGNMENT",
  severity: "low",
  description: "An account assignment to a user instead of a group.",
  reads: ["identityCenter.assignments"],
  evaluate,
};
