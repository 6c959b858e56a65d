import { fingerprintOf } from "../fingerprint";
import type { IamRole } from "../../aws";
import { customerRoles, statementEvidence, trustGrants, type TrustGrant } from "../trust-statements";
import type { FindingCandidate, Rule, RuleInput } from "../types";

function evaluate({ state }: RuleInput): FindingCandidate[] {
  if (state.coverage.organization !== "COLLECTED") return [];
  const inOrg = new Set(state.accounts.map((account) => account.id));
  const findings: FindingCandidate[] = [];
  for (const role of customerRoles(state)) {
    const seen = new Set<string>();
    for (const grant of trustGrants(role)) {
      if (!grant.grantsAssume) continue;
      for (const { accountId, form } of wholeAccountsOf(grant)) {
        // Accounts outside the organization are TRUST_EXTERNAL_ACCOUNT's.
        if (!inOrg.has(accountId) || seen.has(accountId)) continue;
        seen.add(accountId);
        findings.push(finding(role, grant, accountId, form));
      }
    }
  }
  return findings;
}

/**
 * The accounts a grant opens whole: an account root or bare id with no narrowing condition, or `*`
 * narrowed only to accounts (`aws:PrincipalAccount`), which every principal of those accounts matches.
 */
function wholeAccountsOf(grant: TrustGrant): Array<{ accountId: string; form: string }> {
  const aws = grant.principal.aws;
  if (aws?.kind === "account") return grant.narrowing.length === 0 ? [{ accountId: aws.accountId, form: aws.form }] : [];
  if (aws?.kind !== "any" || grant.narrowing.length === 0) return [];
  const onlyAccounts = grant.narrowing.every(
    (entry) =>
      entry.key.toLowerCase() === "aws:principalaccount" &&
      /^String(Equals|Like)$/i.test(entry.operator) &&
      entry.values.every((value) => /^\d{12}$/.test(value)),
  );
  if (!onlyAccounts) return [];
  // Several entries are ANDed: only accounts every entry allows are open.
  const [first, ...rest] = grant.narrowing.map((entry) => new Set(entry.values));
  const accounts = [...(first ?? [])].filter((id) => rest.every((set) => set.has(id)));
  return accounts.map((accountId) => ({ accountId, form: "aws:PrincipalAccount" }));
}

function finding(role: IamRole, grant: TrustGrant, accountId: string, form: string): FindingCandidate {
  return {
    rule: "TRUST_WHOLE_ACCOUNT",
    severity: "medium",
    title: `Role ${role.roleName} trusts every principal of account ${accountId} that its own policies allow`,
    resourceArn: role.arn,
    accountId: role.accountId,
    evidence: { trustedAccountId: accountId, principal: grant.principal.value, form, ...statementEvidence(grant) },
    remediation:
      "Name the roles that should assume it (their ARNs), or add a condition on aws:PrincipalArn / aws:PrincipalTag so only they can.",
    fingerprint: fingerprintOf("TRUST_WHOLE_ACCOUNT", role.accountId, role.arn, accountId),
  };
}

export const trustWholeAccount: Rule = {
  id: "TRUST_WHOLE_ACCOUNT",
  severity: "medium",
  description:
    "A trust policy names an account root or bare account id of the organization (or `*` narrowed only by aws:PrincipalAccount) with no condition narrowing the principal.",
  reads: ["organization", "iam.authorizationDetails"],
  evaluate,
};
