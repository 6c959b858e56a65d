import { fingerprintOf } from "../fingerprint";
import { customerRoles, statementEvidence, trustGrants } from "../trust-statements";
import type { FindingCandidate, Rule, RuleInput } from "../types";

function evaluate({ state }: RuleInput): FindingCandidate[] {
  const findings: FindingCandidate[] = [];
  for (const role of customerRoles(state)) {
    for (const grant of trustGrants(role)) {
      if (!grant.grantsAssume || grant.principal.aws?.kind !== "any" || grant.narrowing.length > 0) continue;
      findings.push({
        rule: "TRUST_WILDCARD",
        severity: "critical",
        title: grant.negated
          ? `Role ${role.roleName} lets anyone assume it except the NotPrincipal list`
          : `Role ${role.roleName} lets any AWS principal assume it`,
        resourceArn: role.arn,
        accountId: role.accountId,
        evidence: {
          principal: grant.negated ? "NotPrincipal" : grant.principal.value,
          conditions: grant.conditions,
          ...statementEvidence(grant),
        },
        remediation:
          "Replace the wildcard with the principals that need the role, or add a narrowing condition such as aws:PrincipalOrgID or aws:PrincipalArn.",
        fingerprint: fingerprintOf("TRUST_WILDCARD", role.accountId, role.arn),
      });
      break;
    }
  }
  return findings;
}

export const trustWildcard: Rule = {
  id: "TRUST_WILDCARD",
  severity: "critical",
  description: 'A trust policy allows Principal "*" (or {"AWS":"*"}) without a condition narrowing the principal.',
  reads: ["iam.authorizationDetails"],
  evaluate,
};
