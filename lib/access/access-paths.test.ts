import { describe, expect, it } from "vitest";
import { buildTrustGraph, type TrustGraph } from "../graph";
import type { OrgInventory } from "../aws";
import { AccessError, chainSubgraph, findAccessPaths, getAccessMatrix, resolveAccessSubject, toAccessRows, type AccessRow } from ".";
import { ADMIN_ROLE, CI_USER, DEEP_ROLE, DEPLOY_ROLE, DEV, PROD, TEAM_ROLE, VIEW_ROLE, accessInventory } from "./testing/access-inventory";
import { isoDurationSeconds } from "./session-duration";

async function setup(): Promise<{ state: OrgInventory; graph: TrustGraph }> {
  const state = accessInventory();
  return { state, graph: await buildTrustGraph(state) };
}

function rowsFor(state: OrgInventory, graph: TrustGraph, principal: string, accountId?: string): AccessRow[] {
  const subject = resolveAccessSubject(state, graph, principal);
  return toAccessRows(state, findAccessPaths(graph, subject, { accountId }).paths).map((entry) => entry.row);
}

const summary = (row: AccessRow) => ({
  role: row.roleArn,
  via: row.via.map((hop) => hop.kind),
  session: row.effectiveSessionSeconds,
  capped: row.cappedByChaining,
});

describe("effective access paths", () => {
  it("follows person → group → permission set → reserved role → role → role, capping chained sessions at one hour", async () => {
    const { state, graph } = await setup();
    const rows = rowsFor(state, graph, "alice@example.com");
    expect(rows.map(summary)).toEqual([
      { role: ADMIN_ROLE, via: ["IDC_USER", "IDC_GROUP", "PERMISSION_SET", "RESERVED_ROLE"], session: 28_800, capped: false },
      { role: TEAM_ROLE, via: ["IDC_USER", "IDC_GROUP", "PERMISSION_SET", "RESERVED_ROLE", "IAM_ROLE"], session: 3600, capped: true },
      {
        role: DEEP_ROLE,
        via: ["IDC_USER", "IDC_GROUP", "PERMISSION_SET", "RESERVED_ROLE", "IAM_ROLE", "IAM_ROLE"],
        session: 3600,
        capped: true,
      },
    ]);
    expect(rows[0]).toMatchObject({
      principal: "alice",
      accountId: PROD,
      accountName: `account-${PROD}`,
      permissionSet: "Admin",
      conditional: false,
    });
    expect(rows[2]!.via.map((hop) => hop.label)).toEqual(["alice", "Devs", "Admin", ADMIN_ROLE.split("/").pop(), "TeamRole", "DeepRole"]);
  });

  it("a permission set without SessionDuration gives AWS's default hour; a direct assignment has no group hop", async () => {
    const { state, graph } = await setup();
    expect(rowsFor(state, graph, "bob").map(summary)).toEqual([
      { role: VIEW_ROLE, via: ["IDC_USER", "PERMISSION_SET", "RESERVED_ROLE"], session: 3600, capped: false },
    ]);
  });

  it("an IAM user's first AssumeRole gets the target's MaxSessionDuration; the next hop is chained", async () => {
    const { state, graph } = await setup();
    expect(rowsFor(state, graph, CI_USER).map(summary)).toEqual([
      { role: DEPLOY_ROLE, via: ["IAM_USER", "IAM_ROLE"], session: 7200, capped: false },
      { role: DEEP_ROLE, via: ["IAM_USER", "IAM_ROLE", "IAM_ROLE"], session: 3600, capped: true },
    ]);
  });

  it("a role's every onward hop is role chaining; an account lists everyone's paths into it; a group lists its own", async () => {
    const { state, graph } = await setup();
    expect(rowsFor(state, graph, TEAM_ROLE).map(summary)).toEqual([
      { role: DEEP_ROLE, via: ["IAM_ROLE", "IAM_ROLE"], session: 3600, capped: true },
    ]);
    const intoDev = rowsFor(state, graph, DEV);
    expect(intoDev.map((r) => [r.principal, r.roleArn])).toEqual([
      ["alice", DEEP_ROLE],
      [CI_USER, DEEP_ROLE],
      ["bob", VIEW_ROLE],
    ]);
    expect(rowsFor(state, graph, "Devs").map((r) => r.roleArn)).toEqual([ADMIN_ROLE, TEAM_ROLE, DEEP_ROLE]);
    expect(rowsFor(state, graph, "alice", PROD).map((r) => r.roleArn)).toEqual([ADMIN_ROLE, TEAM_ROLE]);
  });

  it("is cycle-safe: roles that trust each other end each path at the first repeat", async () => {
    const state = accessInventory();
    const deep = state.iamByAccount[DEV]!.roles.find((r) => r.arn === DEEP_ROLE)!;
    deep.inlinePolicies = [
      { name: "a", document: { Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" }] }, rawDocument: "" },
    ];
    const team = state.iamByAccount[PROD]!.roles.find((r) => r.arn === TEAM_ROLE)!;
    team.trustPolicy = { Statement: [{ Effect: "Allow", Principal: { AWS: [ADMIN_ROLE, DEEP_ROLE] }, Action: "sts:AssumeRole" }] };
    const graph = await buildTrustGraph(state);
    const rows = rowsFor(state, graph, "alice");
    expect(rows).toHaveLength(3);
    expect(rowsFor(state, graph, DEEP_ROLE).map((r) => r.roleArn)).toEqual([TEAM_ROLE]);
  });

  it("a person with no assignment has no rows; an unknown or ambiguous principal is a clear error", async () => {
    const { state, graph } = await setup();
    expect(rowsFor(state, graph, "carol")).toEqual([]);
    expect(() => resolveAccessSubject(state, graph, "nobody@example.com")).toThrow(AccessError);
    expect(() => resolveAccessSubject(state, graph, "nobody@example.com")).toThrow(/no Identity Center user or group.*nobody@example.com/);
    expect(() => resolveAccessSubject(state, graph, "arn:aws:iam::222222222222:role/Missing")).toThrow(/no IAM role or user/);
    expect(() => resolveAccessSubject(state, graph, "999999999999")).toThrow(/account 999999999999 is not in the organization/);
    state.identityCenter!.groups.push({ key: "g-alice", groupId: "g-alice", displayName: "alice", description: null, externalIds: [] });
    expect(() => resolveAccessSubject(state, graph, "alice")).toThrow(/more than one principal/);
  });

  it("marks a path conditional when a hop depends on a request-time condition, with the condition", async () => {
    const state = accessInventory();
    state.iamByAccount[PROD]!.roles.find((r) => r.arn === TEAM_ROLE)!.trustPolicy = {
      Statement: [
        {
          Effect: "Allow",
          Principal: { AWS: ADMIN_ROLE },
          Action: "sts:AssumeRole",
          Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } },
        },
      ],
    };
    const graph = await buildTrustGraph(state);
    const team = rowsFor(state, graph, "alice").find((r) => r.roleArn === TEAM_ROLE)!;
    expect(team).toMatchObject({
      conditional: true,
      conditions: [expect.objectContaining({ key: "aws:MultiFactorAuthPresent", policy: "trust" })],
    });
    expect(rowsFor(state, graph, "alice").find((r) => r.roleArn === ADMIN_ROLE)).toMatchObject({ conditional: false, conditions: [] });
  });
});

describe("ISO-8601 session durations", () => {
  it.each([
    ["PT1H", 3600],
    ["PT8H", 28_800],
    ["PT12H", 43_200],
    ["PT1H30M", 5400],
    ["PT90M", 5400],
    ["P1D", 86_400],
    ["8H", null],
    ["PT", null],
    ["", null],
  ])("%s", (text, seconds) => expect(isoDurationSeconds(text)).toBe(seconds));
});

describe("people × accounts matrix", () => {
  it("gives each person the accounts they reach, filtered by OU, group and permission set, paged", async () => {
    const { state, graph } = await setup();
    const context = { snapshotId: 1, asOf: new Date(), state, graph };
    const matrix = getAccessMatrix(context);
    expect(matrix.total).toBe(2);
    expect(matrix.rows.map((r) => [r.userName, r.cells.map((c) => [c.accountId, c.permissionSets, c.roleCount, c.viaChaining])])).toEqual([
      [
        "alice",
        [
          [PROD, ["Admin"], 2, true],
          [DEV, ["Admin"], 1, true],
        ],
      ],
      ["bob", [[DEV, ["View"], 1, false]]],
    ]);
    expect(getAccessMatrix(context, { groupId: "g-devs" }).rows.map((r) => r.userName)).toEqual(["alice"]);
    expect(
      getAccessMatrix(context, { permissionSetArn: state.identityCenter!.permissionSets[1]!.arn }).rows.map((r) => r.userName),
    ).toEqual(["bob"]);
    const prodOnly = getAccessMatrix(context, { ouId: "ou-root-prod" });
    expect(prodOnly.columns.map((c) => c.accountId)).toEqual([PROD]);
    expect(prodOnly.rows.map((r) => r.userName)).toEqual(["alice"]);
    expect(getAccessMatrix(context, { pageSize: 1, page: 2 })).toMatchObject({
      total: 2,
      rows: [expect.objectContaining({ userName: "bob" })],
    });
    expect(getAccessMatrix(context, { sort: "accounts", dir: "desc" }).rows[0]!.userName).toBe("alice");
  });
});

describe("chain subgraph", () => {
  it("draws a person's chain, and for a role also who reaches it", async () => {
    const { state, graph } = await setup();
    const alice = chainSubgraph(graph, resolveAccessSubject(state, graph, "alice"));
    expect(alice.nodes.map((n) => n.label)).toEqual(["alice", "Devs", "Admin", ADMIN_ROLE.split("/").pop(), "TeamRole", "DeepRole"]);
    expect(alice.edges.map((e) => e.kind)).toEqual(["MEMBER_OF", "ASSIGNED", "PROVISIONED_AS", "CAN_ASSUME", "CAN_ASSUME"]);
    const team = chainSubgraph(graph, resolveAccessSubject(state, graph, TEAM_ROLE));
    expect(team.focusId).toBe(TEAM_ROLE);
    expect(new Set(team.nodes.map((n) => n.label))).toEqual(
      new Set(["TeamRole", "DeepRole", ADMIN_ROLE.split("/").pop(), "Admin", "Devs", "alice"]),
    );
    expect(team.nodes.map((n) => n.label)).not.toContain("bob");
  });
});
