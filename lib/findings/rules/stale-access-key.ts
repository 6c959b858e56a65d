import { fingerprintOf } from "../fingerprint";
import { daysBetween, INACTIVITY_DAYS, olderThanDays } from "../time";
import type { FindingCandidate, Rule, RuleInput } from "../types";

function evaluate({ state, asOf }: RuleInput): FindingCandidate[] {
  const findings: FindingCandidate[] = [];
  for (const iam of Object.values(state.iamByAccount)) {
    for (const row of iam.credentialReport?.rows ?? []) {
      if (row.isRoot) continue; // ROOT_ACCESS_KEY covers any active root key
      row.accessKeys.forEach((key, index) => {
        if (!key.active || !key.lastRotatedAt || !olderThanDays(key.lastRotatedAt, asOf, INACTIVITY_DAYS)) return;
        const slot = `access_key_${index + 1}`;
        findings.push({
          rule: "STALE_ACCESS_KEY",
          severity: "medium",
          title: `Active access key ${index + 1} of ${row.user} not rotated since ${key.lastRotatedAt.slice(0, 10)}`,
          resourceArn: row.arn,
          accountId: iam.accountId,
          evidence: {
            keySlot: slot,
            credentialReport: {
              user: row.user,
              [`${slot}_active`]: key.active,
              [`${slot}_last_rotated`]: key.lastRotatedAt,
            },
          },
          // Use moves daily for a working key; only the rotation date proves staleness.
          context: {
            ageDays: daysBetween(key.lastRotatedAt, asOf),
            lastUse: { [`${slot}_last_used_date`]: key.lastUsedAt, [`${slot}_last_used_service`]: key.lastUsedService },
          },
          remediation:
            "Rotate the key: create a second key, move its users to it, deactivate then delete the old one. Prefer short-lived role credentials over long-term keys.",
          fingerprint: fingerprintOf("STALE_ACCESS_KEY", iam.accountId, row.arn, slot),
        });
      });
    }
  }
  return findings;
}

export const staleAccessKey: Rule = {
  id: "STALE_ACCESS_KEY",
  severity: "medium",
  description: "An active IAM access key not rotated for 90 days.",
  reads: ["iam.credentialReport"],
  evaluate,
};
