import { fingerprintOf } from "../fingerprint";
import { customerRoles, statementEvidence, trustGrants } from "../trust-statements";
import type { FindingCandidate, Rule, RuleInput } from "../types";

function evaluate({ state }: RuleInput): FindingCandidate[] {
  if (state.coverage.organization !== "COLLECTED") return [];
  const inOrg = new Set(state.accounts.map((account) => account.id));
  const findings: FindingCandidate[] = [];
  for (const role of customerRoles(state)) {
    const seen = new Set<string>();
    for (const grant of trustGrants(role)) {
      const aws = grant.principal.aws;
      // Accounts outside the organization are TRUST_EXTERNAL_ACCOUNT's.
      if (
        !grant.grantsAssume ||
        aws?.kind !== "account" ||
        !inOrg.has(aws.accountId) ||
        grant.narrowing.length > 0 ||
        seen.has(aws.accountId)
      )
        continue;
      seen.add(aws.accountId);
      findings.push({
        rule: "TRUST_WHOLE_ACCOUNT",
        severity: "medium",
        title: `Role ${role.roleName} trusts every principal of account ${aws.accountId} that its own policies allow`,
        resourceArn: role.arn,
        accountId: role.accountId,
        evidence: { trustedAccountId: aws.accountId, principal: grant.principal.value, form: aws.form, ...statementEvidence(grant) },
        remediation:
          "Name the roles that should assume it (their ARNs), or add a condition on aws:PrincipalArn / aws:PrincipalTag so only they can.",
        fingerprint: fingerprintOf("TRUST_WHOLE_ACCOUNT", role.accountId, role.arn, aws.accountId),
      });
    }
  }
  return findings;
}

export const trustWholeAccount: Rule = {
  id: "TRUST_WHOLE_ACCOUNT",
  severity: "medium",
  description: "A trust policy names an account root or bare account id of the organization with no condition narrowing the principal.",
  reads: ["organization", "iam.authorizationDetails"],
  evaluate,
};
