import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../testing/use-test-database";
import { diffSnapshots, findEntities, getSnapshotOrThrow, readSnapshotState, takeSnapshot } from ".";
import type { OrgInventory } from "../aws";
import { makeInventory, makeRole, withAccountDenied } from "./testing/make-inventory";
import { stateFingerprint } from "./testing/state-fingerprint";

const A = "222222222222";
const B = "333333333333";
const database = useTestDatabase();
const snapshotOf = (inventory: OrgInventory) =>
  takeSnapshot(database.db, { source: "LIVE", collect: async () => structuredClone(inventory) });

describe("writing snapshots (hand-made inventories)", () => {
  const base = makeInventory({ accounts: { [A]: ["app", "deploy"], [B]: ["app", "data"] }, users: ["alice", "bob"] });
  let firstId = 0;
  let partialId = 0;

  it("stores a first full snapshot as COMPLETE, readable back as the same state", async () => {
    const result = await snapshotOf(base);
    firstId = result.id;
    expect(result.status).toBe("COMPLETE");
    expect(result.counts?.seen).toMatchObject({ IAM_ROLE: 4, ACCOUNT: 2, IDC_USER: 2, IAM_CREDENTIAL: 2, ORGANIZATION: 1 });
    expect(result.counts?.totals.inserted).toBe(result.counts?.totals.seen);
    expect(stateFingerprint(await readSnapshotState(database.db, result.id))).toEqual(stateFingerprint(base));
  });

  it("writes no version for a second snapshot of the unchanged organization", async () => {
    const again = structuredClone(base);
    again.iamByAccount[A]!.credentialReport!.generatedAt = "2031-01-01T00:00:00.000Z";
    const result = await snapshotOf(again);
    expect(result.status).toBe("COMPLETE");
    expect(result.counts?.totals).toMatchObject({ inserted: 0, closed: 0 });
  });

  it("records a changed trust policy as exactly one new version and one diff entry", async () => {
    const before = await snapshotOf(base);
    const changed = structuredClone(base);
    const role = changed.iamByAccount[A]!.roles[0]!;
    role.trustPolicy = {
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::999999999999:root" }, Action: "sts:AssumeRole" }],
    };
    const after = await snapshotOf(changed);
    expect(after.counts?.totals).toMatchObject({ inserted: 1, closed: 1, removed: 0 });
    const diff = await diffSnapshots(database.db, before.id, after.id);
    expect(diff.totals).toEqual({ added: 0, removed: 0, changed: 1 });
    expect(diff.kinds.IAM_ROLE?.changed[0]).toMatchObject({
      naturalKey: role.arn,
      before: { trustPolicy: base.iamByAccount[A]!.roles[0]!.trustPolicy },
      after: { trustPolicy: role.trustPolicy },
    });
    const backwards = await diffSnapshots(database.db, after.id, before.id);
    expect(backwards.kinds.IAM_ROLE?.changed[0]?.after).toMatchObject({ trustPolicy: base.iamByAccount[A]!.roles[0]!.trustPolicy });
  });

  it("carries a denied account's roles over, records its error and marks the snapshot PARTIAL", async () => {
    const before = await snapshotOf(base);
    const denied = withAccountDenied(base, B);
    denied.iamByAccount[A]!.roles.pop(); // a real deletion in a collected account
    const result = await snapshotOf(denied);
    partialId = result.id;
    expect(result.status).toBe("PARTIAL");
    expect(result.counts?.removed).toMatchObject({ IAM_ROLE: 1 });
    expect(result.counts?.carried).toMatchObject({ IAM_ROLE: 2, IAM_CREDENTIAL: 1 });

    const stored = await getSnapshotOrThrow(database.db, result.id);
    expect(stored.errors).toEqual([expect.objectContaining({ accountId: B, code: "AccessDenied" })]);
    const rolesOfB = await findEntities(database.db, { snapshotId: result.id, kind: "IAM_ROLE", where: { accountId: B } });
    expect(rolesOfB.total).toBe(2);
    const diff = await diffSnapshots(database.db, before.id, result.id);
    expect(diff.totals).toEqual({ added: 0, removed: 1, changed: 0 });
    expect(diff.kinds.IAM_ROLE?.removed[0]?.naturalKey).toBe(`arn:aws:iam::${A}:role/deploy`);
  });

  it("reports a role that comes back as added, and keeps each snapshot's view intact", async () => {
    const stateWithoutDeploy = stateFingerprint(await readSnapshotState(database.db, partialId));
    const back = await snapshotOf(base);
    const diff = await diffSnapshots(database.db, partialId, back.id);
    expect(diff.totals).toEqual({ added: 1, removed: 0, changed: 0 });
    expect(diff.kinds.IAM_ROLE?.added[0]?.naturalKey).toBe(`arn:aws:iam::${A}:role/deploy`);
    expect(stateFingerprint(await readSnapshotState(database.db, partialId))).toEqual(stateWithoutDeploy);
    expect(stateFingerprint(await readSnapshotState(database.db, firstId))).toEqual(stateFingerprint(base));
  });

  it("keeps a previous value for a field this run could not read instead of writing a new version", async () => {
    await snapshotOf(base);
    const noListRoles = structuredClone(base);
    noListRoles.coverage.accounts[A] = { ...noListRoles.coverage.accounts[A]!, authorizationDetails: "PARTIAL", iam: "PARTIAL" };
    noListRoles.iamByAccount[A]!.roles = noListRoles.iamByAccount[A]!.roles.map((r) => ({
      ...r,
      maxSessionDuration: null,
      description: null,
    }));
    const result = await snapshotOf(noListRoles);
    expect(result.status).toBe("PARTIAL");
    expect(result.counts?.totals.inserted).toBe(0);
  });

  it("adds a new role as one version and an empty account's roles as none", async () => {
    const grown = structuredClone(base);
    grown.iamByAccount[B]!.roles.push(makeRole(B, "new-role"));
    const result = await snapshotOf(grown);
    expect(result.counts?.inserted).toMatchObject({ IAM_ROLE: 1 });
  });
});
