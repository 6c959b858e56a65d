import type { ConditionEntry } from "../../policy";
import { fingerprintOf } from "../fingerprint";
import { customerRoles, statementEvidence, trustGrants } from "../trust-statements";
import type { FindingCandidate, Rule, RuleInput } from "../types";

/**
 * Confused-deputy protection needs the one secret value: `Null` only asks for some external id,
 * a negated operator accepts every other value, a `*` pattern accepts any, and `…IfExists` or
 * `ForAllValues:` also pass a request without one.
 */
function pinsExternalId(entry: ConditionEntry): boolean {
  if (entry.key.toLowerCase() !== "sts:externalid") return false;
  if (!/^(ForAnyValue:)?String(Equals|Like)(IgnoreCase)?$/i.test(entry.operator)) return false;
  return entry.values.length > 0 && entry.values.every((value) => value.replace(/[*?]/g, "").length > 0);
}

function evaluate({ state }: RuleInput): FindingCandidate[] {
  // Without the whole account list every account would look external.
  if (state.coverage.organization !== "COLLECTED") return [];
  const inOrg = new Set(state.accounts.map((account) => account.id));
  const findings: FindingCandidate[] = [];
  for (const role of customerRoles(state)) {
    const byAccount = new Map<string, { unpinned: boolean; grants: Array<Record<string, unknown>>; principals: string[] }>();
    for (const grant of trustGrants(role)) {
      const aws = grant.principal.aws;
      if (!grant.grantsAssume || !aws || !("accountId" in aws) || inOrg.has(aws.accountId)) continue;
      const pinned = grant.conditions.some(pinsExternalId);
      const entry = byAccount.get(aws.accountId) ?? { unpinned: false, grants: [], principals: [] };
      // The weakest statement decides: one statement without an ExternalId lets the account in without it.
      entry.unpinned ||= !pinned;
      entry.grants.push(statementEvidence(grant));
      entry.principals.push(grant.principal.value);
      byAccount.set(aws.accountId, entry);
    }
    for (const [externalAccountId, entry] of byAccount) {
      const pinned = !entry.unpinned;
      findings.push({
        rule: "TRUST_EXTERNAL_ACCOUNT",
        severity: pinned ? "info" : "high",
        title: pinned
          ? `Role ${role.roleName} trusts external account ${externalAccountId} (pinned by sts:ExternalId)`
          : `Role ${role.roleName} trusts external account ${externalAccountId} without an sts:ExternalId condition`,
        resourceArn: role.arn,
        accountId: role.accountId,
        evidence: { externalAccountId, principals: [...new Set(entry.principals)], externalIdCondition: pinned, statements: entry.grants },
        remediation: pinned
          ? "Confirm the external account (a vendor?) is expected and the external id is secret to it."
          : "Remove the external account from the trust policy, or, for a vendor, require the sts:ExternalId it was given (confused-deputy protection).",
        fingerprint: fingerprintOf("TRUST_EXTERNAL_ACCOUNT", role.accountId, role.arn, externalAccountId),
      });
    }
  }
  return findings;
}

export const trustExternalAccount: Rule = {
  id: "TRUST_EXTERNAL_ACCOUNT",
  severity: "high",
  description: "A trust policy lets an account outside the organization assume the role (high without sts:ExternalId, info with it).",
  reads: ["organization", "iam.authorizationDetails"],
  evaluate,
};
