import { describe, expect, it } from "vitest";
import type { PolicyDocument } from "../../aws";
import type { TrustBaseline } from "../../drift";
import { makePermissionSet, makeRole } from "../../snapshot/testing/make-inventory";
import type { PrincipalActivity, TrailCoverage } from "../finding-events";
import { baseState, daysBefore, makeAssignment, makeIamUser, MANAGEMENT, MEMBER, ruleInput, withEvents } from "../testing/rule-input";
import { breakglassUsedWithoutCheckout } from "./breakglass-used-without-checkout";
import { trustPolicyDrift } from "./trust-policy-drift";
import { unusedAssignment } from "./unused-assignment";

const covered = (accountId: string, yes = true): [string, TrailCoverage] => [
  accountId,
  {
    accountId,
    covered: yes,
    from: daysBefore(95),
    to: daysBefore(0),
    reason: yes ? "ingested CloudTrail covers the whole window" : "never ingested",
  },
];

describe("UNUSED_ASSIGNMENT", () => {
  function setup() {
    const state = baseState();
    const ps = makePermissionSet("ReadOnly");
    state.identityCenter?.permissionSets.push(ps);
    state.identityCenter?.groups.push({ key: "g-qa", groupId: "g-qa", displayName: "qa", description: null, externalIds: [] });
    state.identityCenter?.memberships.push({ key: "g-qa|user-bob", membershipId: "m1", groupId: "g-qa", userId: "user-bob" });
    state.identityCenter?.assignments.push(
      makeAssignment(MEMBER, ps.arn, "GROUP", "g-qa"),
      makeAssignment(MEMBER, ps.arn, "USER", "user-alice"),
    );
    return state;
  }
  const use = (userName: string | null, daysAgo: number) => ({
    accountId: MEMBER,
    permissionSetName: "ReadOnly",
    userName,
    lastUsedAt: daysBefore(daysAgo),
    events: 1,
  });

  it("fires for assignments nobody they reach used in 90 days, where CloudTrail covers the window", () => {
    const events = withEvents({ coverage: new Map([covered(MEMBER)]), permissionSetUse: [use("bob", 120)] });
    const findings = unusedAssignment.evaluate(ruleInput(setup(), { events }));
    expect(findings.map((f) => [f.evidence.principal, f.severity])).toEqual([
      ["qa", "low"],
      ["alice", "low"],
    ]);
  });

  it("near miss: a group member used it (by user name or email); a use naming nobody; CloudTrail not covering the 90 days", () => {
    const byMember = withEvents({ coverage: new Map([covered(MEMBER)]), permissionSetUse: [use("BOB@example.com", 10), use("alice", 89)] });
    expect(unusedAssignment.evaluate(ruleInput(setup(), { events: byMember }))).toEqual([]);
    const anonymous = withEvents({ coverage: new Map([covered(MEMBER)]), permissionSetUse: [use(null, 3)] });
    expect(unusedAssignment.evaluate(ruleInput(setup(), { events: anonymous }))).toEqual([]);
    const uncovered = withEvents({ coverage: new Map([covered(MEMBER, false)]) });
    expect(unusedAssignment.evaluate(ruleInput(setup(), { events: uncovered }))).toEqual([]);
  });
});

describe("BREAKGLASS_USED_WITHOUT_CHECKOUT", () => {
  const arn = `arn:aws:iam::${MANAGEMENT}:user/breakglass-admin`;
  const activity: PrincipalActivity = {
    accountId: MANAGEMENT,
    userArn: arn,
    userName: "breakglass-admin",
    events: 1,
    firstAt: daysBefore(6),
    lastAt: daysBefore(6),
    samples: [
      {
        eventId: "e1",
        eventTime: daysBefore(6),
        eventName: "ConsoleLogin",
        accountId: MANAGEMENT,
        actorArn: arn,
        sourceIp: "198.51.100.7",
        userAgent: null,
        mfaUsed: true,
        success: true,
      },
    ],
  };
  function stateWith(tags: Record<string, string>) {
    const state = baseState();
    state.iamByAccount[MANAGEMENT]?.users.push(makeIamUser(MANAGEMENT, "breakglass-admin", { tags }));
    return state;
  }

  it("fires for any activity of a user tagged vigil:purpose=break-glass (no checkout exists yet)", () => {
    const findings = breakglassUsedWithoutCheckout.evaluate(
      ruleInput(stateWith({ "vigil:purpose": "break-glass" }), { events: withEvents({ breakglassActivity: [activity] }) }),
    );
    expect(findings).toMatchObject([
      {
        severity: "critical",
        resourceArn: arn,
        accountId: MANAGEMENT,
        evidence: { events: 1, recentEvents: [{ eventName: "ConsoleLogin" }] },
      },
    ]);
  });

  it("near miss: the same activity by a user that is not designated break-glass", () => {
    const events = withEvents({ breakglassActivity: [activity] });
    expect(breakglassUsedWithoutCheckout.evaluate(ruleInput(stateWith({ purpose: "break-glass" }), { events }))).toEqual([]);
    expect(breakglassUsedWithoutCheckout.evaluate(ruleInput(stateWith({ "vigil:purpose": "automation" }), { events }))).toEqual([]);
  });
});

describe("TRUST_POLICY_DRIFT", () => {
  const doc = (principal: string): PolicyDocument => ({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { AWS: principal }, Action: "sts:AssumeRole" }],
  });
  const baseline = (roleArn: string, document: PolicyDocument): TrustBaseline => ({
    roleArn,
    document,
    sinceSnapshotId: 1,
    approvedBy: null,
    approvedById: null,
    approvedAt: null,
    current: null,
    changedInSnapshotId: 3,
  });

  it("fires when the trust differs from the baseline by meaning, with the diff and the UpdateAssumeRolePolicy event", () => {
    const state = baseState();
    const role = makeRole(MEMBER, "Deploy", { trustPolicy: doc("*") });
    state.iamByAccount[MEMBER]?.roles.push(role);
    const update = {
      eventId: "u1",
      eventTime: daysBefore(2),
      eventName: "UpdateAssumeRolePolicy",
      accountId: MEMBER,
      actorArn: "arn:aws:iam::222222222222:user/mallory",
      sourceIp: null,
      userAgent: null,
      identityCenterUser: null,
      success: true,
      errorCode: null,
    };
    const findings = trustPolicyDrift.evaluate(
      ruleInput(state, {
        baselines: new Map([[role.arn, baseline(role.arn, doc(`arn:aws:iam::${MANAGEMENT}:role/Ci`))]]),
        events: withEvents({ trustPolicyUpdates: new Map([[role.arn, [update]]]) }),
      }),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: "high",
      resourceArn: role.arn,
      evidence: { changedInSnapshotId: 3, updateAssumeRolePolicyEvents: [{ eventId: "u1" }] },
    });
    expect((findings[0]?.evidence.diff as unknown[]).length).toBeGreaterThan(0);
  });

  it("near miss: the same policy written differently (statement as an object, principal as a one-element list)", () => {
    const state = baseState();
    const role = makeRole(MEMBER, "Deploy", {
      trustPolicy: {
        Version: "2012-10-17",
        Statement: { Effect: "Allow", Principal: { AWS: [`arn:aws:iam::${MANAGEMENT}:role/Ci`] }, Action: "sts:AssumeRole" },
      },
    });
    state.iamByAccount[MEMBER]?.roles.push(role);
    expect(
      trustPolicyDrift.evaluate(
        ruleInput(state, { baselines: new Map([[role.arn, baseline(role.arn, doc(`arn:aws:iam::${MANAGEMENT}:role/Ci`))]]) }),
      ),
    ).toEqual([]);
  });
});
