import { fingerprintOf } from "../fingerprint";
import type { FindingCandidate, Rule, RuleInput } from "../types";

function evaluate({ state }: RuleInput): FindingCandidate[] {
  const findings: FindingCandidate[] = [];
  for (const iam of Object.values(state.iamByAccount)) {
    for (const row of iam.credentialReport?.rows ?? []) {
      if (row.isRoot || row.passwordEnabled !== true || row.mfaActive !== false) continue;
      findings.push({
        rule: "CONSOLE_WITHOUT_MFA",
        severity: "high",
        title: `IAM user ${row.user} can sign in to the console without MFA`,
        resourceArn: row.arn,
        accountId: iam.accountId,
        evidence: {
          credentialReport: {
            user: row.user,
            password_enabled: row.passwordEnabled,
            password_last_used: row.passwordLastUsedAt,
            mfa_active: row.mfaActive,
          },
        },
        remediation:
          "Require MFA for the user (assign a virtual or hardware MFA device) or remove its console password; prefer Identity Center sign-in for people.",
        fingerprint: fingerprintOf("CONSOLE_WITHOUT_MFA", iam.accountId, row.arn),
      });
    }
  }
  return findings;
}

export const consoleWithoutMfa: Rule = {
  id: "CONSOLE_WITHOUT_MFA",
  severity: "high",
  description: "An IAM user with a console password and no MFA device.",
  reads: ["iam.credentialReport"],
  evaluate,
};
