import { describe, expect, it } from "vitest";
import { noFindingEvents } from "./finding-events";
import { resolutionBlockers, type ResolutionContext } from "./resolution-coverage";
import { AS_OF, baseState, MEMBER } from "./testing/rule-input";

function context(patch: Partial<ResolutionContext> = {}): ResolutionContext {
  return { state: baseState(), events: noFindingEvents(AS_OF), graphBuilt: true, baselinesLoaded: true, drills: [], ...patch };
}

describe("when an absent finding may resolve", () => {
  it("resolves when every section the rule reads is COLLECTED for the finding's account", () => {
    expect(resolutionBlockers(["iam.credentialReport", "identityCenter.users"], MEMBER, context())).toEqual([]);
  });

  it("does not when the account's section is PARTIAL, FAILED or SKIPPED, or an organization-wide section is", () => {
    for (const status of ["PARTIAL", "FAILED", "SKIPPED"] as const) {
      const ctx = context();
      const account = ctx.state.coverage.accounts[MEMBER];
      if (account) account.credentialReport = status;
      expect(resolutionBlockers(["iam.credentialReport"], MEMBER, ctx)).toEqual(["iam.credentialReport"]);
    }
    const ctx = context();
    ctx.state.coverage.identityCenter.assignments = "PARTIAL";
    expect(resolutionBlockers(["identityCenter.assignments"], MEMBER, ctx)).toEqual(["identityCenter.assignments"]);
    // Snapshots from before SCPs were collected say nothing about them.
    expect(resolutionBlockers(["serviceControlPolicies"], MEMBER, context())).toEqual(["serviceControlPolicies"]);
  });

  it("does not without CloudTrail coverage of the account, the trust graph, or the baselines", () => {
    expect(resolutionBlockers(["cloudTrail"], MEMBER, context())).toEqual(["cloudTrail"]);
    const events = {
      ...noFindingEvents(AS_OF),
      coverage: new Map([[MEMBER, { accountId: MEMBER, covered: true, from: null, to: null, reason: "" }]]),
    };
    expect(resolutionBlockers(["cloudTrail"], MEMBER, context({ events }))).toEqual([]);
    expect(resolutionBlockers(["trustGraph", "trustBaselines"], MEMBER, context({ graphBuilt: false, baselinesLoaded: false }))).toEqual([
      "trustGraph",
      "trustBaselines",
    ]);
  });

  it("resolves the findings of an account that left the organization (the account list itself complete)", () => {
    expect(resolutionBlockers(["iam.credentialReport"], "333333333333", context())).toBe("account-left");
    const ctx = context();
    ctx.state.coverage.organization = "PARTIAL";
    expect(resolutionBlockers(["iam.credentialReport"], "333333333333", ctx)).toEqual(["iam.credentialReport"]);
  });
});
