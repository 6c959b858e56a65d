import type { CredentialReportRow, IamUser, IdcUser } from "../../aws";
import { designationOf } from "../designation";
import { fingerprintOf } from "../fingerprint";
import { INACTIVITY_DAYS, newest, olderThanDays } from "../time";
import type { FindingCandidate, Rule, RuleInput } from "../types";

type Reason =
  | { reason: "no-activity"; lastActivityAt: string }
  | { reason: "never-used"; createdAt: string }
  | { reason: "owner-not-found"; ownerTag: { key: string; value: string } };

function ownerTag(user: IamUser): { key: string; value: string } | null {
  const key = Object.keys(user.tags).find((k) => k.toLowerCase() === "owner");
  return key === undefined ? null : { key, value: user.tags[key] ?? "" };
}

function activeUserNamed(users: readonly IdcUser[], owner: string): IdcUser | undefined {
  const wanted = owner.trim().toLowerCase();
  return users.find(
    (u) =>
      (u.status === null || u.status.toUpperCase() === "ENABLED") &&
      (u.userName.toLowerCase() === wanted || u.primaryEmail?.toLowerCase() === wanted),
  );
}

function activityReason(user: IamUser, row: CredentialReportRow | undefined, asOf: Date): Reason | null {
  if (!row) return null;
  const lastActivityAt = newest([row.passwordLastUsedAt, row.accessKeys[0].lastUsedAt, row.accessKeys[1].lastUsedAt]);
  if (lastActivityAt) return olderThanDays(lastActivityAt, asOf, INACTIVITY_DAYS) ? { reason: "no-activity", lastActivityAt } : null;
  const createdAt = user.createdAt ?? row.userCreatedAt;
  return createdAt && olderThanDays(createdAt, asOf, INACTIVITY_DAYS) ? { reason: "never-used", createdAt } : null;
}

function activityFields(row: CredentialReportRow | undefined): Record<string, unknown> | null {
  if (!row) return null;
  return {
    user_creation_time: row.userCreatedAt,
    password_enabled: row.passwordEnabled,
    password_last_used: row.passwordLastUsedAt,
    access_key_1_active: row.accessKeys[0].active,
    access_key_1_last_used_date: row.accessKeys[0].lastUsedAt,
    access_key_2_active: row.accessKeys[1].active,
    access_key_2_last_used_date: row.accessKeys[1].lastUsedAt,
  };
}

function evaluate({ state, settings, asOf }: RuleInput): FindingCandidate[] {
  const idcUsers = state.identityCenter?.users ?? null;
  const ownersKnown = idcUsers !== null && state.coverage.identityCenter.users === "COLLECTED";
  const findings: FindingCandidate[] = [];
  for (const iam of Object.values(state.iamByAccount)) {
    const rows = new Map(iam.credentialReport?.rows.map((row) => [row.arn, row]));
    for (const user of iam.users) {
      if (designationOf(user, settings)) continue;
      const row = rows.get(user.arn);
      const reasons: Reason[] = [];
      const activity = activityReason(user, row, asOf);
      if (activity) reasons.push(activity);
      const owner = ownerTag(user);
      if (owner && ownersKnown && !activeUserNamed(idcUsers, owner.value)) reasons.push({ reason: "owner-not-found", ownerTag: owner });
      if (reasons.length === 0) continue;
      const why = reasons.map((r) =>
        r.reason === "owner-not-found"
          ? `its owner "${r.ownerTag.value}" is no active Identity Center user`
          : r.reason === "never-used"
            ? `it was never used in ${INACTIVITY_DAYS}+ days since creation`
            : `it was not used for ${INACTIVITY_DAYS}+ days`,
      );
      findings.push({
        rule: "ORPHANED_IAM_USER",
        severity: "medium",
        title: `IAM user ${user.userName} looks orphaned: ${why.join("; ")}`,
        resourceArn: user.arn,
        accountId: user.accountId,
        evidence: { reasons, credentialReport: activityFields(row), createdAt: user.createdAt },
        remediation:
          "Confirm with the owner whether the user is still needed; delete it (or its credentials) if not. If it is a break-glass or " +
          "automation user, tag it vigil:purpose=break-glass|automation. Set an owner tag naming an active Identity Center user.",
        fingerprint: fingerprintOf("ORPHANED_IAM_USER", user.accountId, user.arn),
      });
    }
  }
  return findings;
}

export const orphanedIamUser: Rule = {
  id: "ORPHANED_IAM_USER",
  severity: "medium",
  description:
    "An IAM user not designated break-glass/automation with no console sign-in or access-key use for 90 days (or never, and older than 90 days), or whose owner tag names no active Identity Center user.",
  reads: ["iam.authorizationDetails", "iam.credentialReport", "identityCenter.users"],
  evaluate,
};
