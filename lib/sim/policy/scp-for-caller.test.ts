import { describe, expect, it } from "vitest";
import type { Caller } from "../model/caller";
import { loadScenario } from "../scenario/load-scenario";
import type { ScenarioSpec } from "../scenario/scenario-spec";
import { scpDecisionFor } from "./scp-for-caller";

const MANAGEMENT = "111122223333";
const MEMBER = "444455556666";
const DENY_ASSUME = { Version: "2012-10-17", Statement: [{ Effect: "Deny", Action: "sts:AssumeRole", Resource: "*" }] };

const SPEC: ScenarioSpec = {
  name: "scp-callers",
  seed: 11,
  organization: {
    managementAccount: { key: "management", id: MANAGEMENT },
    units: [{ name: "Locked", accounts: [{ key: "member", id: MEMBER }] }],
    serviceControlPolicies: [{ name: "DenyAssume", document: DENY_ASSUME, targets: ["ou:Locked", "account:management"] }],
  },
  identityCenter: { users: [], groups: [], permissionSets: [], assignments: [] },
};

const state = loadScenario(SPEC, { now: new Date("2026-11-20T12:00:00Z") });

function roleSession(accountId: string, path: string, roleName: string): Caller {
  return {
    kind: "assumed-role",
    accountId,
    arn: `arn:aws:sts::${accountId}:assumed-role/${roleName}/s`,
    userId: "AROAEXAMPLE:s",
    roleArn: `arn:aws:iam::${accountId}:role${path}${roleName}`,
    roleId: "AROAEXAMPLE",
    roleName,
    sessionName: "s",
    accessKeyId: "ASIAEXAMPLE",
    expiresAt: new Date("2030-01-01T00:00:00Z"),
  };
}

const request = { action: "sts:AssumeRole", resource: `arn:aws:iam::${MEMBER}:role/Target`, context: new Map<string, string>() };

describe("which callers SCPs govern", () => {
  it("restricts an ordinary role session in a member account under the SCP's OU", () => {
    expect(scpDecisionFor(state, roleSession(MEMBER, "/", "Deployer"), request)).toMatchObject({
      isAllowed: false,
      reason: "explicit-deny",
    });
  });

  it("never restricts a service-linked role, the management account, or an account outside the organization", () => {
    expect(
      scpDecisionFor(state, roleSession(MEMBER, "/aws-service-role/ecs.amazonaws.com/", "AWSServiceRoleForECS"), request),
    ).toBeUndefined();
    expect(scpDecisionFor(state, roleSession(MANAGEMENT, "/", "Deployer"), request)).toBeUndefined();
    expect(scpDecisionFor(state, roleSession("999999999999", "/", "Deployer"), request)).toBeUndefined();
  });

  it("does nothing when the root no longer has the SCP policy type enabled", () => {
    const disabled = loadScenario(SPEC, { now: new Date("2026-11-20T12:00:00Z") });
    disabled.roots[0]!.policyTypes = [];
    disabled.revision++;
    expect(scpDecisionFor(disabled, roleSession(MEMBER, "/", "Deployer"), request)).toBeUndefined();
  });
});
