import { fingerprintOf } from "../fingerprint";
import type { FindingCandidate, Rule, RuleInput } from "../types";

function evaluate({ state }: RuleInput): FindingCandidate[] {
  const findings: FindingCandidate[] = [];
  for (const iam of Object.values(state.iamByAccount)) {
    const root = iam.credentialReport?.rows.find((row) => row.isRoot);
    if (!root || !root.accessKeys.some((key) => key.active)) continue;
    findings.push({
      rule: "ROOT_ACCESS_KEY",
      severity: "critical",
      title: `The root user of account ${iam.accountId} has an active access key`,
      resourceArn: root.arn,
      accountId: iam.accountId,
      evidence: {
        credentialReport: {
          user: root.user,
          access_key_1_active: root.accessKeys[0].active,
          access_key_1_last_rotated: root.accessKeys[0].lastRotatedAt,
          access_key_1_last_used_date: root.accessKeys[0].lastUsedAt,
          access_key_2_active: root.accessKeys[1].active,
          access_key_2_last_rotated: root.accessKeys[1].lastRotatedAt,
          access_key_2_last_used_date: root.accessKeys[1].lastUsedAt,
        },
      },
      remediation: "Delete the root user's access keys (Security credentials page of the root user); use IAM roles instead.",
      fingerprint: fingerprintOf("ROOT_ACCESS_KEY", iam.accountId, root.arn),
    });
  }
  return findings;
}

export const rootAccessKey: Rule = {
  id: "ROOT_ACCESS_KEY",
  severity: "critical",
  description: "An account's root user has an active access key.",
  reads: ["iam.credentialReport"],
  evaluate,
};
