import type { OrgInventory } from "../../aws";
import { fingerprintOf } from "../fingerprint";
import type { FindingCandidate, Rule, RuleInput } from "../types";

/** The user's ARN from the snapshot (it carries the path); else built, since a deleted user is not in it. */
function userArn(state: OrgInventory, accountId: string, userName: string): string {
  const users = state.iamByAccount[accountId]?.users ?? [];
  const user = users.find((u) => u.userName === userName) ?? users.find((u) => u.userName.toLowerCase() === userName.toLowerCase());
  if (user) return user.arn;
  const partition = state.organization?.arn.split(":")[1] || "aws";
  return `arn:${partition}:iam::${accountId}:user/${userName}`;
}

function evaluate({ state, drills = [] }: RuleInput): FindingCandidate[] {
  return drills
    .filter((drill) => drill.outcome === "failed")
    .map((drill) => {
      const failedChecks = drill.problems.map((p) => ({ check: p.check, message: p.message }));
      return {
        rule: "BREAKGLASS_DRILL_FAILED",
        severity: "high",
        title: `Break-glass user ${drill.iamUserName} in ${drill.accountId} failed its drill: ${[...new Set(failedChecks.map((c) => c.check))].join(", ")}`,
        resourceArn: userArn(state, drill.accountId, drill.iamUserName),
        accountId: drill.accountId,
        evidence: { credentialId: drill.credentialId, iamUserName: drill.iamUserName, failedChecks },
        // Every daily drill moves its time: beside the evidence, not an evidence change.
        context: { drillRanAt: drill.ranAt.toISOString() },
        remediation:
          "Bring IAM and the vault back in line: recreate the user or remove the credential from the vault, give it an MFA device, delete keys the vault does not hold, or rotate the credential through Vigil so the vault holds what IAM has. The next passing drill resolves this finding.",
        // The user name, not the ARN: a user seen in the snapshot (with its path) or not keeps one finding.
        fingerprint: fingerprintOf("BREAKGLASS_DRILL_FAILED", drill.accountId, drill.iamUserName),
      } satisfies FindingCandidate;
    });
}

export const breakglassDrillFailed: Rule = {
  id: "BREAKGLASS_DRILL_FAILED",
  severity: "high",
  description:
    "A registered break-glass credential whose latest daily drill found IAM drifted from the vault: the user is gone, has no MFA, holds a key the vault does not (or lacks its key), or its password changed outside a rotation.",
  reads: ["breakglassDrills"],
  evaluate,
};
