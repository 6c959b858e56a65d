import { fingerprintOf } from "../fingerprint";
import { durationSeconds, permissionSetsByArn, sensitivityOf } from "../identity-center-helpers";
import type { FindingCandidate, Rule, RuleInput } from "../types";

function evaluate({ state, settings }: RuleInput): FindingCandidate[] {
  const permissionSets = permissionSetsByArn(state);
  const accounts = new Map(state.accounts.map((account) => [account.id, account]));
  const seen = new Set<string>();
  const findings: FindingCandidate[] = [];
  for (const assignment of state.identityCenter?.assignments ?? []) {
    const ps = permissionSets.get(assignment.permissionSetArn);
    const account = accounts.get(assignment.accountId);
    const seconds = durationSeconds(ps?.sessionDuration ?? null);
    if (!ps || !account || seconds === null || seconds <= settings.sensitiveSessionMaxSeconds) continue;
    const key = `${ps.arn}|${account.id}`;
    if (seen.has(key)) continue;
    const why = sensitivityOf(account, state, settings);
    if (!why) continue;
    seen.add(key);
    findings.push({
      rule: "LONG_SESSION_SENSITIVE_ACCOUNT",
      severity: "medium",
      title: `Permission set ${ps.name} grants ${ps.sessionDuration} sessions on sensitive account ${account.name} (${account.id})`,
      resourceArn: ps.arn,
      accountId: account.id,
      evidence: {
        permissionSet: ps.name,
        sessionDuration: ps.sessionDuration,
        sessionSeconds: seconds,
        maxSeconds: settings.sensitiveSessionMaxSeconds,
        sensitiveBecause: why,
        account: { id: account.id, name: account.name, ouPath: account.ouPath, tags: account.tags },
      },
      remediation:
        "Shorten the permission set's session duration to 1 hour, or use a separate short-session permission set for this account.",
      fingerprint: fingerprintOf("LONG_SESSION_SENSITIVE_ACCOUNT", account.id, ps.arn),
    });
  }
  return findings;
}

export const longSessionSensitiveAccount: Rule = {
  id: "LONG_SESSION_SENSITIVE_ACCOUNT",
  severity: "medium",
  description:
    "A permission set with a session over 1 hour assigned in an account tagged or OU-placed as production, or the management account.",
  reads: ["organization", "accountTags", "identityCenter.permissionSets", "identityCenter.assignments"],
  evaluate,
};
