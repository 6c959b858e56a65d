import { describe, expect, it } from "vitest";
import type { LatestDrill } from "../../breakglass";
import { resolutionBlockers } from "../resolution-coverage";
import { noFindingEvents } from "../finding-events";
import { AS_OF, baseState, daysBefore, makeIamUser, MANAGEMENT, MEMBER, ruleInput } from "../testing/rule-input";
import { breakglassDrillFailed } from "./breakglass-drill-failed";

function drill(outcome: LatestDrill["outcome"], overrides: Partial<LatestDrill> = {}): LatestDrill {
  const problems: LatestDrill["problems"] = {
    passed: [],
    failed: [
      { check: "mfa", message: "breakglass-admin has no MFA device" },
      { check: "access-key", message: "breakglass-admin has an access key the vault does not hold: AKIAOTHER (Active)" },
    ],
    unknown: [{ check: "drill", message: "IAM could not be read: AccessDenied" }],
  }[outcome] as LatestDrill["problems"];
  return {
    credentialId: "c-1",
    accountId: MEMBER,
    iamUserName: "breakglass-admin",
    ranAt: new Date(daysBefore(1)),
    outcome,
    problems,
    ...overrides,
  };
}

describe("BREAKGLASS_DRILL_FAILED", () => {
  it("fires once per credential whose latest drill failed, on the user's ARN from the snapshot, with the failed checks", () => {
    const state = baseState();
    state.iamByAccount[MEMBER]!.users.push(
      makeIamUser(MEMBER, "breakglass-admin", { arn: `arn:aws:iam::${MEMBER}:user/emergency/breakglass-admin` }),
    );
    const [finding, ...others] = breakglassDrillFailed.evaluate(ruleInput(state, { drills: [drill("failed")] }));
    expect(others).toEqual([]);
    expect(finding).toMatchObject({
      rule: "BREAKGLASS_DRILL_FAILED",
      severity: "high",
      accountId: MEMBER,
      resourceArn: `arn:aws:iam::${MEMBER}:user/emergency/breakglass-admin`,
      title: expect.stringContaining("mfa, access-key"),
      evidence: { credentialId: "c-1", iamUserName: "breakglass-admin", failedChecks: drill("failed").problems },
      context: { drillRanAt: daysBefore(1) },
    });
    expect(finding?.remediation).toMatch(/passing drill/);
  });

  it("fires for a user the snapshot no longer has, on the ARN built from the account and name, with the same fingerprint", () => {
    const gone = drill("failed", {
      problems: [{ check: "user-exists", message: `IAM user breakglass-admin no longer exists in ${MEMBER}` }],
    });
    const [finding] = breakglassDrillFailed.evaluate(ruleInput(baseState(), { drills: [gone] }));
    expect(finding?.resourceArn).toBe(`arn:aws:iam::${MEMBER}:user/breakglass-admin`);
    const state = baseState();
    state.iamByAccount[MEMBER]!.users.push(
      makeIamUser(MEMBER, "breakglass-admin", { arn: `arn:aws:iam::${MEMBER}:user/x/breakglass-admin` }),
    );
    expect(breakglassDrillFailed.evaluate(ruleInput(state, { drills: [drill("failed")] }))[0]?.fingerprint).toBe(finding?.fingerprint);
  });

  it("the drill's time moves beside the evidence, not in it", () => {
    const [yesterday] = breakglassDrillFailed.evaluate(ruleInput(baseState(), { drills: [drill("failed")] }));
    const [today] = breakglassDrillFailed.evaluate(ruleInput(baseState(), { drills: [drill("failed", { ranAt: AS_OF })] }));
    expect(today?.evidence).toEqual(yesterday?.evidence);
    expect(today?.context).not.toEqual(yesterday?.context);
  });

  it("near miss: a passing drill, no drill yet, a drill that could not read IAM", () => {
    expect(breakglassDrillFailed.evaluate(ruleInput(baseState(), { drills: [drill("passed")] }))).toEqual([]);
    expect(breakglassDrillFailed.evaluate(ruleInput(baseState(), { drills: [] }))).toEqual([]);
    expect(breakglassDrillFailed.evaluate(ruleInput(baseState()))).toEqual([]);
    expect(breakglassDrillFailed.evaluate(ruleInput(baseState(), { drills: [drill("unknown")] }))).toEqual([]);
  });

  it("resolves where the drills were loaded, but not in an account where a drill could not read IAM", () => {
    const context = (drills: readonly LatestDrill[] | null) => ({
      state: baseState(),
      events: noFindingEvents(AS_OF),
      graphBuilt: true,
      baselinesLoaded: true,
      drills,
    });
    expect(resolutionBlockers(breakglassDrillFailed.reads, MEMBER, context([drill("passed")]))).toEqual([]);
    expect(resolutionBlockers(breakglassDrillFailed.reads, MEMBER, context([drill("unknown")]))).toEqual(["breakglassDrills"]);
    expect(resolutionBlockers(breakglassDrillFailed.reads, MANAGEMENT, context([drill("unknown")]))).toEqual([]);
    expect(resolutionBlockers(breakglassDrillFailed.reads, MEMBER, context(null))).toEqual(["breakglassDrills"]);
  });
});
