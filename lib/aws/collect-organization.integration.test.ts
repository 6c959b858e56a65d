import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimServer } from "@/lib/sim";
import { collectOrganization } from "./collect-organization";
import { COLLECTOR_ACTIONS } from "./required-actions";
import { makeSimAwsConfig } from "./testing/sim-fixture";
import type { OrgInventory } from "./types";

type Sim = Awaited<ReturnType<typeof startSimServer>>;

describe("collectOrganization against the demo scenario", () => {
  let sim: Sim;
  let inventory: OrgInventory;
  const progress: Array<[number, number, string]> = [];

  beforeAll(async () => {
    sim = await startSimServer({ scenario: "demo", port: 0 });
    const config = makeSimAwsConfig(sim.url, { ssoRegion: sim.state.identityCenter.instance.homeRegion });
    inventory = await collectOrganization(config, { onProgress: (done, total, label) => progress.push([done, total, label]) });
  }, 120_000);
  afterAll(() => sim?.close());

  it("collects everything without errors", () => {
    expect(inventory.errors).toEqual([]);
    expect(inventory.coverage.organization).toBe("COLLECTED");
    expect(inventory.coverage.accountTags).toBe("COLLECTED");
    expect(Object.values(inventory.coverage.identityCenter).every((s) => s === "COLLECTED")).toBe(true);
  });

  it("lists every account of the organisation with its state and OU path", () => {
    const { state } = sim;
    expect(inventory.organization?.id).toBe(state.organization.id);
    expect(inventory.accounts.map((a) => a.id).sort()).toEqual(state.accounts.map((a) => a.id).sort());
    const ouById = new Map(state.organizationalUnits.map((ou) => [ou.id, ou]));
    const rootName = state.roots[0]?.name ?? "Root";
    const pathOf = (parentId: string): string => {
      const ou = ouById.get(parentId);
      return ou ? `${pathOf(ou.parentId)}/${ou.name}` : rootName;
    };
    for (const account of state.accounts) {
      const got = inventory.accounts.find((a) => a.id === account.id);
      expect(got?.status).toBe(account.state);
      expect(got?.ouPath).toBe(pathOf(account.parentId));
      expect(got?.tags).toEqual(Object.fromEntries(account.tags.map((t) => [t.key, t.value])));
    }
    expect(inventory.accounts.find((a) => a.id === "590123456780")?.ouPath).toMatch(/\/Prod$/);
    expect(inventory.ous).toHaveLength(state.organizationalUnits.length);
  });

  it("reads Identity Center users, groups, memberships, permission sets and assignments", () => {
    const idc = sim.state.identityCenter;
    const got = inventory.identityCenter!;
    expect(got.instance.instanceArn).toBe(idc.instance.instanceArn);
    expect(got.users.map((u) => u.userName).sort()).toEqual(idc.users.map((u) => u.userName).sort());
    expect(got.groups).toHaveLength(idc.groups.length);
    expect(got.memberships).toHaveLength(idc.memberships.length);
    expect(got.permissionSets.map((p) => p.name).sort()).toEqual(idc.permissionSets.map((p) => p.name).sort());
    expect(got.assignments.map((a) => a.key).sort()).toEqual(
      idc.assignments.map((a) => `${a.accountId}|${a.permissionSetArn}|${a.principalType}|${a.principalId}`).sort(),
    );
    const securityAudit = got.permissionSets.find((p) => p.name === "SecurityAudit");
    expect(securityAudit?.sessionDuration).toBe("PT4H");
    expect(securityAudit?.awsManagedPolicies.map((p) => p.name)).toContain("SecurityAudit");
  });

  it("reads IAM in every active account, with reserved roles tied to their permission sets", () => {
    const active = sim.state.accounts.filter((a) => a.state === "ACTIVE");
    expect(Object.keys(inventory.iamByAccount).sort()).toEqual(active.map((a) => a.id).sort());
    for (const account of active) {
      const expected = sim.state.iam.getOrThrow(account.id);
      const got = inventory.iamByAccount[account.id]!;
      expect(got.roles.map((r) => r.roleName).sort(), account.id).toEqual(expected.roles.map((r) => r.roleName).sort());
      expect(got.users.map((u) => u.userName).sort()).toEqual(expected.users.map((u) => u.userName).sort());
      expect(got.credentialReport?.rows).toHaveLength(expected.users.length + 1);
      for (const role of got.roles) {
        expect(role.maxSessionDuration).toBe(expected.roles.find((r) => r.roleName === role.roleName)?.maxSessionDuration);
        if (role.identityCenter) expect(role.identityCenter.permissionSetArn, role.arn).not.toBeNull();
      }
    }
    const reserved = Object.values(inventory.iamByAccount).flatMap((iam) => iam.roles.filter((r) => r.identityCenter));
    expect(reserved.length).toBeGreaterThan(0);
  });

  it("reads the management account's break-glass user from GAAD and the credential report", () => {
    const mgmt = inventory.iamByAccount[sim.state.organization.managementAccountId]!;
    const user = mgmt.users.find((u) => u.userName === "breakglass-admin");
    expect(user?.tags["vigil:purpose"]).toBe("break-glass");
    expect(user?.attachedManagedPolicies.map((p) => p.name)).toEqual(["AdministratorAccess"]);
    const row = mgmt.credentialReport?.rows.find((r) => r.user === "breakglass-admin");
    const simUser = sim.state.iam
      .getOrThrow(sim.state.organization.managementAccountId)
      .users.find((u) => u.userName === "breakglass-admin");
    expect(row).toMatchObject({
      mfaActive: true,
      passwordEnabled: true,
      passwordLastUsedAt: simUser?.passwordLastUsed ? simUser.passwordLastUsed.toISOString().replace(/\.\d{3}Z$/, ".000Z") : null,
    });
    const vigilRole = mgmt.roles.find((r) => r.roleName === "VigilAuditRole");
    expect(vigilRole?.trustPolicy?.Statement).toBeDefined();
  });

  it("sends only actions the IaC templates grant and assumes each member account's role once", () => {
    for (const action of Object.keys(inventory.stats.apiCallsByAction)) expect(COLLECTOR_ACTIONS).toContain(action);
    const members = sim.state.accounts.filter((a) => a.state === "ACTIVE" && a.id !== sim.state.organization.managementAccountId);
    expect(inventory.stats.apiCallsByAction["sts:AssumeRole"]).toBe(members.length);
    expect(inventory.stats.apiCalls.iam).toBeGreaterThan(0);
    expect(inventory.stats.retries).toEqual({});
  });

  it("reports progress up to the total", () => {
    const last = progress.at(-1)!;
    expect(last[0]).toBe(last[1]);
  });
});

describe("collectOrganization with one account denied", () => {
  it("records errors for that account only and collects the rest in full", async () => {
    // Given a simulator that denies everything in payments-prod
    const denied = "590123456780";
    const sim = await startSimServer({ scenario: "demo", port: 0, faults: { accessDeniedAccounts: [denied] } });
    try {
      const config = makeSimAwsConfig(sim.url, { ssoRegion: sim.state.identityCenter.instance.homeRegion });
      // When the organisation is collected
      const inventory = await collectOrganization(config);
      // Then only that account has errors and is marked as not collected
      expect(inventory.errors.length).toBeGreaterThan(0);
      expect(inventory.errors.every((e) => e.accountId === denied)).toBe(true);
      expect(inventory.errors[0]).toMatchObject({ service: "sts", operation: "AssumeRole", code: "AccessDenied" });
      expect(inventory.coverage.accounts[denied]).toMatchObject({ iam: "FAILED" });
      expect(inventory.iamByAccount[denied]).toBeUndefined();
      const others = sim.state.accounts.filter((a) => a.state === "ACTIVE" && a.id !== denied);
      for (const account of others) {
        expect(inventory.coverage.accounts[account.id]?.iam).toBe("COLLECTED");
        expect(inventory.iamByAccount[account.id]?.roles.length).toBe(sim.state.iam.getOrThrow(account.id).roles.length);
      }
    } finally {
      await sim.close();
    }
  });
});

describe("collectOrganization under throttling", () => {
  it("absorbs throttling and transient server errors with retries", async () => {
    // Given tight rate limits and a burst of 503s on IAM
    const sim = await startSimServer({
      scenario: "demo",
      port: 0,
      faults: {
        rateLimits: [
          { service: "iam", ratePerSecond: 3, burst: 2, scope: "account" },
          { service: "sso", ratePerSecond: 8, burst: 4, scope: "account" },
          { service: "organizations", ratePerSecond: 5, burst: 3, scope: "account" },
        ],
        serverErrors: [{ service: "iam", count: 3, status: 503 }],
      },
    });
    try {
      const config = makeSimAwsConfig(sim.url, { ssoRegion: sim.state.identityCenter.instance.homeRegion });
      // When the organisation is collected
      const inventory = await collectOrganization(config);
      // Then nothing is lost, though the SDK had to retry
      expect(inventory.errors).toEqual([]);
      expect(inventory.stats.retries.iam).toBeGreaterThan(0);
      const active = sim.state.accounts.filter((a) => a.state === "ACTIVE");
      expect(Object.keys(inventory.iamByAccount)).toHaveLength(active.length);
      expect(inventory.identityCenter?.assignments).toHaveLength(sim.state.identityCenter.assignments.length);
    } finally {
      await sim.close();
    }
  });
});
