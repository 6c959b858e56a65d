import { fingerprintOf } from "../fingerprint";
import { customerRoles, statementEvidence, trustGrants } from "../trust-statements";
import type { FindingCandidate, Rule, RuleInput } from "../types";

function evaluate({ state }: RuleInput): FindingCandidate[] {
  const findings: FindingCandidate[] = [];
  for (const role of customerRoles(state)) {
    const seen = new Set<string>();
    for (const grant of trustGrants(role)) {
      const aws = grant.principal.aws;
      if (aws?.kind !== "unique-id" || seen.has(aws.id)) continue;
      seen.add(aws.id);
      findings.push({
        rule: "TRUST_DANGLING_PRINCIPAL",
        severity: "high",
        title: `Role ${role.roleName} trusts a deleted principal (${aws.id})`,
        resourceArn: role.arn,
        accountId: role.accountId,
        evidence: { uniqueId: aws.id, idPrefix: aws.prefix, ...statementEvidence(grant) },
        remediation:
          "IAM shows a unique id when the principal a trust named was deleted. Remove it from the trust policy; if the principal was recreated, name its ARN again (a recreated principal does not match the old id).",
        fingerprint: fingerprintOf("TRUST_DANGLING_PRINCIPAL", role.accountId, role.arn, aws.id),
      });
    }
  }
  return findings;
}

export const trustDanglingPrincipal: Rule = {
  id: "TRUST_DANGLING_PRINCIPAL",
  severity: "high",
  description: "A trust policy names a principal by unique id (AROA…, AIDA…): the principal was deleted.",
  reads: ["iam.authorizationDetails"],
  evaluate,
};
