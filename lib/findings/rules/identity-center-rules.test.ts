import { describe, expect, it } from "vitest";
import type { IamRole, OrgInventory, PermissionSet } from "../../aws";
import type { GraphEdge, TrustGraph } from "../../graph";
import { makePermissionSet, makeRole } from "../../snapshot/testing/make-inventory";
import { DEFAULT_FINDING_SETTINGS } from "../findings-settings";
import { baseState, makeAssignment, MANAGEMENT, MEMBER, ruleInput } from "../testing/rule-input";
import { directUserAssignment } from "./direct-user-assignment";
import { inlinePolicyNearLimit, PERMISSION_SET_INLINE_POLICY_QUOTA } from "./inline-policy-near-limit";
import { longSessionSensitiveAccount } from "./long-session-sensitive-account";
import { proxyChainBroken } from "./proxy-chain-broken";
import { proxyPermissionSetNotEmpty } from "./proxy-permission-set-not-empty";

function withPermissionSet(state: OrgInventory, name: string, overrides: Partial<PermissionSet> = {}): PermissionSet {
  const ps = makePermissionSet(name, overrides);
  state.identityCenter?.permissionSets.push(ps);
  return ps;
}

function assign(state: OrgInventory, accountId: string, ps: PermissionSet, type: "USER" | "GROUP" = "GROUP", principal = "group-eng") {
  state.identityCenter?.assignments.push(makeAssignment(accountId, ps.arn, type, principal));
}

function graphWith(edges: Array<Pick<GraphEdge, "from" | "to">>): TrustGraph {
  const full: GraphEdge[] = edges.map((e) => ({ ...e, kind: "CAN_ASSUME", accountId: MEMBER, conditional: false, conditions: [] }));
  const outgoing = new Map<string, GraphEdge[]>();
  for (const edge of full) outgoing.set(edge.from, [...(outgoing.get(edge.from) ?? []), edge]);
  return { snapshotId: 1, nodes: new Map(), edges: full, outgoing, incoming: new Map(), notes: [] };
}

describe("PROXY_PERMISSION_SET_NOT_EMPTY", () => {
  it("fires for a *-Proxy permission set with a managed policy, an inline policy, a customer-managed policy or a boundary", () => {
    const state = baseState();
    withPermissionSet(state, "Data-Proxy", {
      awsManagedPolicies: [{ name: "ReadOnlyAccess", arn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }],
    });
    withPermissionSet(state, "Pay-Proxy", {
      inlinePolicy: { name: "inline", document: { Statement: [] }, rawDocument: '{"Statement":[]}' },
    });
    withPermissionSet(state, "Ops-Proxy", { customerManagedPolicies: [{ name: "x", path: "/" }] });
    withPermissionSet(state, "Sec-Proxy", {
      permissionsBoundary: { managedPolicyArn: "arn:aws:iam::aws:policy/PowerUserAccess", customerManagedPolicy: null },
    });
    const findings = proxyPermissionSetNotEmpty.evaluate(ruleInput(state));
    expect(findings.map((f) => [f.evidence.permissionSet, f.severity, f.accountId])).toEqual([
      ["Data-Proxy", "high", MANAGEMENT],
      ["Pay-Proxy", "high", MANAGEMENT],
      ["Ops-Proxy", "high", MANAGEMENT],
      ["Sec-Proxy", "high", MANAGEMENT],
    ]);
  });

  it("near miss: an empty proxy, a non-proxy name (pattern is case-sensitive, as AWS names are), and a custom pattern", () => {
    const state = baseState();
    withPermissionSet(state, "Data-Proxy");
    withPermissionSet(state, "Admin", {
      awsManagedPolicies: [{ name: "AdministratorAccess", arn: "arn:aws:iam::aws:policy/AdministratorAccess" }],
    });
    withPermissionSet(state, "data-proxy", {
      awsManagedPolicies: [{ name: "ReadOnlyAccess", arn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }],
    });
    expect(proxyPermissionSetNotEmpty.evaluate(ruleInput(state))).toEqual([]);
    const settings = { ...DEFAULT_FINDING_SETTINGS, proxyPermissionSetPattern: "proxy-*" };
    withPermissionSet(state, "proxy-ops", { customerManagedPolicies: [{ name: "x", path: "/" }] });
    expect(proxyPermissionSetNotEmpty.evaluate(ruleInput(state, { settings })).map((f) => f.evidence.permissionSet)).toEqual(["proxy-ops"]);
  });
});

describe("PROXY_CHAIN_BROKEN", () => {
  const reserved = (ps: PermissionSet): IamRole =>
    makeRole(MEMBER, `AWSReservedSSO_${ps.name}_0123456789abcdef`, {
      path: "/aws-reserved/sso.amazonaws.com/",
      arn: `arn:aws:iam::${MEMBER}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_${ps.name}_0123456789abcdef`,
      identityCenter: { permissionSetName: ps.name, suffix: "0123456789abcdef", region: null, permissionSetArn: ps.arn },
    });

  function setup(targetName: string | null, psName = "DataTeam-Proxy", tags: Record<string, string> = {}) {
    const state = baseState();
    const ps = withPermissionSet(state, psName, { tags });
    assign(state, MEMBER, ps);
    const roles = state.iamByAccount[MEMBER]?.roles ?? [];
    const sso = reserved(ps);
    roles.push(sso);
    const target = targetName ? makeRole(MEMBER, targetName, { arn: `arn:aws:iam::${MEMBER}:role/team/${targetName}` }) : null;
    if (target) roles.push(target);
    return { state, ps, sso, target };
  }

  it("fires when the target role (name without -Proxy) is missing in the assigned account", () => {
    const { state } = setup(null);
    expect(proxyChainBroken.evaluate(ruleInput(state, { graph: graphWith([]) }))).toMatchObject([
      {
        severity: "high",
        accountId: MEMBER,
        evidence: { reason: "target-role-missing", targetRoleName: "DataTeam", targetNamedBy: "name" },
      },
    ]);
  });

  it("fires when the graph has no can-assume edge from the proxy's reserved role to the target", () => {
    const { state, target } = setup("DataTeam");
    expect(proxyChainBroken.evaluate(ruleInput(state, { graph: graphWith([]) }))).toMatchObject([
      { resourceArn: target?.arn, evidence: { reason: "target-does-not-trust" } },
    ]);
  });

  it("near miss: the edge exists; the target named by the vigil:proxy-target tag or the settings", () => {
    const ok = setup("DataTeam");
    expect(proxyChainBroken.evaluate(ruleInput(ok.state, { graph: graphWith([{ from: ok.sso.arn, to: ok.target?.arn ?? "" }]) }))).toEqual(
      [],
    );

    const tagged = setup("DataTeamRole", "Data-Proxy", { "vigil:proxy-target": "DataTeamRole" });
    expect(
      proxyChainBroken.evaluate(ruleInput(tagged.state, { graph: graphWith([{ from: tagged.sso.arn, to: tagged.target?.arn ?? "" }]) })),
    ).toEqual([]);

    const configured = setup("Analytics", "Data-Proxy");
    const settings = { ...DEFAULT_FINDING_SETTINGS, proxyTargets: { "Data-Proxy": "Analytics" } };
    const graph = graphWith([{ from: configured.sso.arn, to: configured.target?.arn ?? "" }]);
    expect(proxyChainBroken.evaluate(ruleInput(configured.state, { graph, settings }))).toEqual([]);
  });

  it("says nothing it cannot know: no graph (trust unchecked), or the account's roles not fully read", () => {
    const untrusted = setup("DataTeam");
    expect(proxyChainBroken.evaluate(ruleInput(untrusted.state, { graph: null }))).toEqual([]);
    const missing = setup(null);
    const coverage = missing.state.coverage.accounts[MEMBER];
    if (coverage) coverage.authorizationDetails = "PARTIAL";
    expect(proxyChainBroken.evaluate(ruleInput(missing.state, { graph: graphWith([]) }))).toEqual([]);
  });
});

describe("DIRECT_USER_ASSIGNMENT", () => {
  it("fires for an assignment to a user, not for one to a group", () => {
    const state = baseState();
    const ps = withPermissionSet(state, "Admin");
    assign(state, MEMBER, ps, "USER", "user-alice");
    assign(state, MEMBER, ps, "GROUP", "group-eng");
    expect(directUserAssignment.evaluate(ruleInput(state))).toMatchObject([
      { severity: "low", accountId: MEMBER, evidence: { userId: "user-alice", userName: "alice", permissionSet: "Admin" } },
    ]);
  });
});

describe("LONG_SESSION_SENSITIVE_ACCOUNT", () => {
  function sensitiveState() {
    const state = baseState();
    const member = state.accounts.find((a) => a.id === MEMBER);
    if (member) member.tags = { Environment: "Prod" };
    return state;
  }

  it("fires for a session over 1 h in a production-tagged account, in a Prod OU, and in the management account", () => {
    const state = sensitiveState();
    const ps = withPermissionSet(state, "Support", { sessionDuration: "PT12H" });
    assign(state, MEMBER, ps);
    assign(state, MANAGEMENT, ps);
    const findings = longSessionSensitiveAccount.evaluate(ruleInput(state));
    expect(findings.map((f) => [f.accountId, f.evidence.sensitiveBecause])).toEqual([
      [MEMBER, "tag Environment=Prod"],
      [MANAGEMENT, "it is the management account"],
    ]);
    const member = state.accounts.find((a) => a.id === MEMBER);
    if (member) Object.assign(member, { tags: {}, ouPath: "Root/Workloads/Production" });
    expect(longSessionSensitiveAccount.evaluate(ruleInput(state)).map((f) => f.evidence.sensitiveBecause)).toContain(
      "OU path Root/Workloads/Production",
    );
  });

  it("near miss: exactly 1 h; a long session in a non-production account; an OU merely containing 'prod' (NonProd)", () => {
    const state = sensitiveState();
    assign(state, MEMBER, withPermissionSet(state, "Short", { sessionDuration: "PT1H" }));
    const long = withPermissionSet(state, "Long", { sessionDuration: "PT8H" });
    const settings = { ...DEFAULT_FINDING_SETTINGS, managementAccountIsSensitive: false };
    assign(state, MANAGEMENT, long);
    const management = state.accounts.find((a) => a.id === MANAGEMENT);
    if (management) Object.assign(management, { ouPath: "Root/NonProd", tags: { environment: "dev" } });
    expect(longSessionSensitiveAccount.evaluate(ruleInput(state, { settings }))).toEqual([]);
  });
});

describe("INLINE_POLICY_NEAR_LIMIT", () => {
  const inline = (size: number) => ({ name: "inline", document: {}, rawDocument: "x".repeat(size) });

  it("fires above 90 % of the 32,768-character quota and not at 90 % exactly", () => {
    const state = baseState();
    withPermissionSet(state, "Big", { inlinePolicy: inline(Math.floor(PERMISSION_SET_INLINE_POLICY_QUOTA * 0.9) + 1) });
    withPermissionSet(state, "Edge", { inlinePolicy: inline(Math.floor(PERMISSION_SET_INLINE_POLICY_QUOTA * 0.9)) });
    withPermissionSet(state, "None");
    expect(inlinePolicyNearLimit.evaluate(ruleInput(state))).toMatchObject([
      { severity: "low", evidence: { permissionSet: "Big", characters: 29492 } },
    ]);
  });
});
