import { describe, expect, it } from "vitest";
import { PLANTED_PROBLEM_KINDS } from "../model/problems";
import { renderTrustPolicy } from "../policy/render-trust-policy";
import { loadScenario } from "./load-scenario";

const NOW = new Date("2026-11-20T12:00:00Z");

describe("demo scenario", () => {
  const state = loadScenario("demo", { now: NOW });

  it("is reproducible from its seed", () => {
    const again = loadScenario("demo", { now: NOW });
    expect(again.identityCenter.users.map((u) => u.userId)).toEqual(state.identityCenter.users.map((u) => u.userId));
    const roles = (s: typeof state) =>
      s.accounts.flatMap((a) => s.iam.getOrThrow(a.id).roles.map((r) => `${r.arn}|${r.roleId}|${r.trustPolicy}`));
    expect(roles(again)).toEqual(roles(state));
    expect(again.cloudTrail.list("590123456780", "eu-west-1").map((e) => e.eventId)).toEqual(
      state.cloudTrail.list("590123456780", "eu-west-1").map((e) => e.eventId),
    );
  });

  it("is a twelve-account, forty-person organization", () => {
    expect(state.accounts).toHaveLength(12);
    expect(state.identityCenter.users).toHaveLength(40);
    expect(new Set(state.organizationalUnits.map((o) => o.name))).toEqual(
      new Set(["Security", "Infrastructure", "Workloads", "Dev", "Staging", "Prod", "Sandbox"]),
    );
  });

  it("plants every kind of problem, each pointing at something that exists", () => {
    expect(new Set(state.plantedProblems.map((p) => p.kind))).toEqual(new Set(PLANTED_PROBLEM_KINDS));
    for (const p of state.plantedProblems) expect(state.accounts.some((a) => a.id === p.accountId)).toBe(true);
  });

  it("keeps the planted broken proxy chain and dangling principal visible in trust policies", () => {
    const dataProd = state.iam.getOrThrow("501234567891").roles.find((r) => r.roleName === "DataTeamRole");
    expect(renderTrustPolicy(state, dataProd!)).not.toContain("AWSReservedSSO_Data-Proxy");
    const legacy = state.iam.getOrThrow("478901234568").roles.find((r) => r.roleName === "LegacyDeployRole");
    expect(JSON.parse(renderTrustPolicy(state, legacy!)).Statement[0].Principal.AWS[0]).toMatch(/^AROA/);
  });

  it("leaves planted unused things without activity and stamps used roles with their last use", () => {
    const everyEvent = state.accounts.flatMap((a) => state.regions.flatMap((r) => state.cloudTrail.list(a.id, r)));
    expect(everyEvent.length).toBeGreaterThan(3000);
    const oldest = Math.min(...everyEvent.map((e) => e.eventTime.getTime()));
    expect(NOW.getTime() - oldest).toBeLessThanOrEqual(90 * 86_400_000);
    expect(
      everyEvent.some(
        (e) => JSON.stringify(e.body).includes("AWSReservedSSO_ReadOnlyAccess") && e.body.recipientAccountId === "590123456780",
      ),
    ).toBe(false);
    const paymentsTeam = state.iam.getOrThrow("590123456780").roles.find((r) => r.roleName === "PaymentsTeamRole");
    expect(paymentsTeam?.lastUsed?.date.getTime()).toBeGreaterThan(NOW.getTime() - 7 * 86_400_000);
    const ci = state.iam.getOrThrow("345678901235").users.find((u) => u.userName === "ci-deployer");
    expect(ci?.accessKeys[0]?.lastUsed?.serviceName).toBe("sts");
  });
});

describe("scale scenario", () => {
  it("builds 2,000 accounts, and their IAM on demand, deterministically", () => {
    const state = loadScenario("scale:2000", { now: NOW });
    const id = state.accounts[1234]!.id;
    const a = state.iam.getOrThrow(id).roles.map((r) => r.roleId);
    const b = loadScenario("scale:2000", { now: NOW })
      .iam.getOrThrow(id)
      .roles.map((r) => r.roleId);
    expect(a).toHaveLength(60);
    expect(a).toEqual(b);
  });

  it("refuses a nonsensical size", () => {
    expect(() => loadScenario("scale:1")).toThrow();
  });
});

describe("JSON scenario files", () => {
  it("loads a minimal file with placeholders and rejects an invalid one", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    const dir = mkdtempSync(path.join(tmpdir(), "vigil-sim-"));
    const good = path.join(dir, "tiny.json");
    writeFileSync(
      good,
      JSON.stringify({
        name: "tiny",
        seed: 7,
        now: "2026-11-20T12:00:00Z",
        organization: { managementAccount: { key: "mgmt", id: "111111111111" }, accounts: [{ key: "app", id: "222222222222" }] },
        identityCenter: {
          users: [{ userName: "ann@example.com", givenName: "Ann", familyName: "Lee" }],
          groups: [{ name: "devs", members: ["ann@example.com"] }],
          permissionSets: [{ name: "Dev", managedPolicies: ["PowerUserAccess"] }],
          assignments: [{ accounts: ["app"], permissionSet: "Dev", group: "devs" }],
        },
        iam: [
          {
            account: "app",
            roles: [
              {
                name: "Ops",
                trustPolicy: {
                  Version: "2012-10-17",
                  Statement: [{ Effect: "Allow", Principal: { AWS: "{{ssoRole:app:Dev}}" }, Action: "sts:AssumeRole" }],
                },
              },
            ],
          },
        ],
      }),
    );
    const state = loadScenario(good);
    expect(state.accounts.map((a) => a.id)).toEqual(["111111111111", "222222222222"]);
    const ops = state.iam.getOrThrow("222222222222").roles.find((r) => r.roleName === "Ops");
    expect(JSON.parse(ops!.trustPolicy).Statement[0].Principal.AWS).toMatch(
      /^arn:aws:iam::222222222222:role\/aws-reserved\/sso\.amazonaws\.com\/AWSReservedSSO_Dev_[0-9a-f]{16}$/,
    );
    const bad = path.join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ name: "bad" }));
    expect(() => loadScenario(bad)).toThrow(/invalid scenario file/);
  });
});
