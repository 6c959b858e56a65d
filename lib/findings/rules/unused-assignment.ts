import { fingerprintOf } from "../fingerprint";
import { permissionSetsByArn, principalLabels } from "../identity-center-helpers";
import { INACTIVITY_DAYS } from "../time";
import type { FindingCandidate, Rule, RuleInput } from "../types";

function evaluate({ state, events }: RuleInput): FindingCandidate[] {
  const idc = state.identityCenter;
  if (!idc) return [];
  const permissionSets = permissionSetsByArn(state);
  const principalLabel = principalLabels(state);
  // CloudTrail names an Identity Center user by its user name or, for SAML sessions, often its email.
  const userNames = new Map(
    idc.users.map((u) => [u.userId, [u.userName, u.primaryEmail].filter((n): n is string => !!n).map((n) => n.toLowerCase())]),
  );
  const members = new Map<string, string[]>();
  for (const m of idc.memberships) {
    const list = members.get(m.groupId);
    if (list) list.push(m.userId);
    else members.set(m.groupId, [m.userId]);
  }
  // Uses per account + permission set: who (lower-cased user names), and whether some use named nobody.
  const uses = new Map<string, { users: Map<string, string>; anonymous: string | null }>();
  for (const use of events.permissionSetUse) {
    if (use.lastUsedAt < events.windowStart || use.lastUsedAt > events.windowEnd) continue;
    const key = `${use.accountId}|${use.permissionSetName}`;
    const entry = uses.get(key) ?? { users: new Map<string, string>(), anonymous: null };
    if (use.userName === null) entry.anonymous = use.lastUsedAt;
    else entry.users.set(use.userName.toLowerCase(), use.lastUsedAt);
    uses.set(key, entry);
  }
  const findings: FindingCandidate[] = [];
  for (const assignment of idc.assignments) {
    const coverage = events.coverage.get(assignment.accountId);
    if (!coverage?.covered) continue;
    const ps = permissionSets.get(assignment.permissionSetArn);
    if (!ps) continue;
    const use = uses.get(`${assignment.accountId}|${ps.name}`);
    // A use whose user the event did not name could be this assignment's: never call it unused.
    if (use?.anonymous) continue;
    const reached = assignment.principalType === "USER" ? [assignment.principalId] : (members.get(assignment.principalId) ?? []);
    if (reached.some((userId) => (userNames.get(userId) ?? []).some((name) => use?.users.has(name)))) continue;
    const principal = principalLabel(assignment);
    findings.push({
      rule: "UNUSED_ASSIGNMENT",
      severity: "low",
      title: `${ps.name} on account ${assignment.accountId} for ${assignment.principalType === "USER" ? "user" : "group"} ${principal} was not used in ${INACTIVITY_DAYS} days`,
      resourceArn: ps.arn,
      accountId: assignment.accountId,
      evidence: {
        assignment: { ...assignment },
        principal,
        permissionSet: ps.name,
        usersReached: reached.length,
        otherUsersOfThePermissionSetHere: use ? use.users.size : 0,
      },
      context: { window: { from: events.windowStart, to: events.windowEnd }, cloudTrailCoverage: coverage },
      remediation: "Remove the assignment if nobody needs it; people who need it rarely can request it when they do.",
      fingerprint: fingerprintOf("UNUSED_ASSIGNMENT", assignment.accountId, assignment.key),
    });
  }
  return findings;
}

export const unusedAssignment: Rule = {
  id: "UNUSED_ASSIGNMENT",
  severity: "low",
  description:
    "An account assignment with no use (any event of its permission set's sessions) in CloudTrail for 90 days, only where ingested CloudTrail covers those 90 days for that account.",
  reads: [
    "identityCenter.users",
    "identityCenter.memberships",
    "identityCenter.permissionSets",
    "identityCenter.assignments",
    "cloudTrail",
  ],
  evaluate,
};
