import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectOrganization, resolveAwsConfig, type IamRole } from "../aws";
import { startSimServer, type SimServer } from "../sim";
import { useTestDatabase } from "../testing/use-test-database";
import { diffSnapshots, findEntities, getSnapshotOrThrow, readSnapshotState, takeSnapshot, type SnapshotResult } from ".";

const database = useTestDatabase();
let sim: SimServer;

beforeAll(async () => {
  sim = await startSimServer({ scenario: "demo", port: 0 });
});
afterAll(async () => {
  await sim?.close();
});

const config = () =>
  resolveAwsConfig({
    endpoint: sim.url,
    region: "us-east-1",
    credentials: async () => ({ accessKeyId: "AKIAVIGILTEST0000000", secretAccessKey: "test" }),
    credentialReport: { initialDelayMs: 0, maxDelayMs: 50 },
  });
const snapshot = (): Promise<SnapshotResult> =>
  takeSnapshot(database.db, { source: "LIVE", collect: (onProgress) => collectOrganization(config(), { onProgress }) });
const activeAccounts = () => sim.state.accounts.filter((a) => a.state === "ACTIVE");

describe("snapshots of the simulated demo organization (real SDK clients)", () => {
  let first: SnapshotResult;

  it("stores a full snapshot that matches the scenario", async () => {
    first = await snapshot();
    expect(first.status).toBe("COMPLETE");
    expect(first.errors).toEqual([]);
    const state = await readSnapshotState(database.db, first.id);

    expect(state.accounts).toHaveLength(sim.state.accounts.length);
    expect(state.identityCenter?.users).toHaveLength(sim.state.identityCenter.users.length);
    expect(state.identityCenter?.permissionSets.map((p) => p.name).sort()).toEqual(
      sim.state.identityCenter.permissionSets.map((p) => p.name).sort(),
    );
    for (const account of activeAccounts()) {
      const simRoles = sim.state.iam
        .getOrThrow(account.id)
        .roles.map((r) => r.arn)
        .sort();
      expect(state.iamByAccount[account.id]?.roles.map((r) => r.arn).sort(), `roles of ${account.id}`).toEqual(simRoles);
    }

    const reserved = Object.values(state.iamByAccount)
      .flatMap((iam) => iam.roles)
      .find((role) => role.identityCenter !== null);
    expect(reserved, "an AWSReservedSSO_ role").toBeDefined();
    const permissionSet = state.identityCenter!.permissionSets.find((p) => p.name === reserved!.identityCenter!.permissionSetName);
    expect(reserved!.identityCenter!.permissionSetArn).toBe(permissionSet?.arn);
  });

  it("writes no new version for a second snapshot of the unchanged organization", async () => {
    const second = await snapshot();
    expect(second.status).toBe("COMPLETE");
    expect(second.counts?.totals).toMatchObject({ inserted: 0, closed: 0 });
  });

  it("shows a trust policy changed in the simulator as exactly one new role version and one diff entry", async () => {
    const before = await snapshot();
    const account = activeAccounts().find((a) => sim.state.iam.getOrThrow(a.id).roles.some((r) => !r.path.startsWith("/aws-")))!;
    const role = sim.state.iam.getOrThrow(account.id).roles.find((r) => !r.path.startsWith("/aws-"))!;
    const trust = {
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::999999999999:root" }, Action: "sts:AssumeRole" }],
    };
    sim.admin.setTrustPolicy(account.id, role.roleName, trust);

    const after = await snapshot();
    expect(after.counts?.inserted).toEqual(expect.objectContaining({ IAM_ROLE: 1 }));
    expect(after.counts?.totals).toMatchObject({ inserted: 1, closed: 1, removed: 0 });
    const diff = await diffSnapshots(database.db, before.id, after.id);
    expect(diff.totals).toEqual({ added: 0, removed: 0, changed: 1 });
    const change = diff.kinds.IAM_ROLE?.changed[0];
    expect(change?.naturalKey).toBe(role.arn);
    expect((change?.after as unknown as IamRole).trustPolicy).toEqual(trust);
    expect((change?.before as unknown as IamRole).trustPolicy).not.toEqual(trust);
  });

  it("keeps an AccessDenied account's roles readable, records its error, and completes the others (PARTIAL)", async () => {
    const before = await snapshot();
    const denied = activeAccounts().find((a) => a.id !== sim.state.organization.managementAccountId)!;
    const rolesBefore = await findEntities(database.db, {
      snapshotId: before.id,
      kind: "IAM_ROLE",
      where: { accountId: denied.id },
      pageSize: 500,
    });
    expect(rolesBefore.total).toBeGreaterThan(0);

    sim.admin.setFaults({ accessDeniedAccounts: [denied.id] });
    try {
      const partial = await snapshot();
      expect(partial.status).toBe("PARTIAL");
      const stored = await getSnapshotOrThrow(database.db, partial.id);
      expect(stored.errors.length).toBeGreaterThan(0);
      expect(stored.errors.every((e) => e.accountId === denied.id)).toBe(true);
      const coverage = stored.coverage as { accounts: Record<string, { iam: string }> };
      for (const account of activeAccounts()) {
        expect(coverage.accounts[account.id]?.iam, account.id).toBe(account.id === denied.id ? "FAILED" : "COLLECTED");
      }

      const rolesAfter = await findEntities(database.db, {
        snapshotId: partial.id,
        kind: "IAM_ROLE",
        where: { accountId: denied.id },
        pageSize: 500,
      });
      expect(rolesAfter.rows.map((r) => r.naturalKey)).toEqual(rolesBefore.rows.map((r) => r.naturalKey));
      expect(partial.counts?.totals).toMatchObject({ inserted: 0, removed: 0 });
      expect((await diffSnapshots(database.db, before.id, partial.id)).totals).toEqual({ added: 0, removed: 0, changed: 0 });
    } finally {
      sim.admin.setFaults({});
    }
  });
});
