import { beforeAll, describe, expect, it } from "vitest";
import type { OrgInventory, PolicyDocument } from "../aws";
import { takeSnapshot } from "../snapshot";
import { makeInventory, makeRole } from "../snapshot/testing/make-inventory";
import { useTestDatabase } from "../testing/use-test-database";
import { approveTrustBaseline, loadTrustBaselines } from ".";

const A = "222222222222";
const OPS = `arn:aws:iam::${A}:role/ops`;
const APP = `arn:aws:iam::${A}:role/app`;
const database = useTestDatabase();
const approver = { id: "user-1", name: "Ada Approver", authMethod: "LOCAL" as const };

const trustOf = (...principals: string[]): PolicyDocument => ({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { AWS: principals }, Action: "sts:AssumeRole" }],
});
const ORIGINAL = trustOf(`arn:aws:iam::${A}:role/ci`);
const WIDENED = trustOf(`arn:aws:iam::${A}:role/ci`, `arn:aws:iam::${A}:root`);

function inventoryWith(opsTrust: PolicyDocument, opsOverrides: Parameters<typeof makeRole>[2] = {}): OrgInventory {
  const inventory = makeInventory({ accounts: { [A]: ["app", "ops"] } });
  inventory.iamByAccount[A]!.roles[1] = makeRole(A, "ops", { trustPolicy: opsTrust, ...opsOverrides });
  return inventory;
}
const snapshotOf = async (inventory: OrgInventory) =>
  (await takeSnapshot(database.db, { source: "LIVE", collect: async () => structuredClone(inventory) })).id;

// Snapshots: 1 original, 2 widened, 3 widened + description changed, 4 re-ordered (cosmetic) widened trust.
const ids: number[] = [];
beforeAll(async () => {
  ids.push(await snapshotOf(inventoryWith(ORIGINAL)));
  ids.push(await snapshotOf(inventoryWith(WIDENED)));
  ids.push(await snapshotOf(inventoryWith(WIDENED, { description: "changed" })));
  const reordered = trustOf(`arn:aws:iam::${A}:root`, `arn:aws:iam::${A}:role/ci`);
  ids.push(await snapshotOf(inventoryWith({ ...reordered, Statement: (reordered.Statement as unknown[])[0] }, { description: "changed" })));
});

describe("trust-policy baselines", () => {
  it("takes the first version Vigil saw as the baseline, unapproved", async () => {
    const baselines = await loadTrustBaselines(database.db, ids[0]!);
    expect(baselines.get(OPS)).toMatchObject({
      document: ORIGINAL,
      sinceSnapshotId: ids[0],
      approvedBy: null,
      approvedAt: null,
      changedInSnapshotId: null,
    });
    expect([...baselines.keys()].sort()).toEqual([APP, OPS]);
  });

  it("keeps the first version as baseline after a change, naming the snapshot where the trust changed (not a later unrelated change)", async () => {
    const ops = (await loadTrustBaselines(database.db, ids[3]!)).get(OPS);
    expect(ops).toMatchObject({ document: ORIGINAL, sinceSnapshotId: ids[0], changedInSnapshotId: ids[1] });
    expect((await loadTrustBaselines(database.db, ids[3]!)).get(APP)?.changedInSnapshotId).toBeNull();
  });

  it("moves the baseline to an approved version, recorded with who and when", async () => {
    const approval = await approveTrustBaseline(database.db, { roleArn: OPS, snapshotId: ids[2]!, approver, requestId: "req-1" });
    expect(approval).toMatchObject({ roleArn: OPS, snapshotId: ids[2], approvedBy: "Ada Approver", approvedAt: expect.any(Date) });
    // The approval is on the audit trail, in the same transaction.
    expect(await database.db.auditEntry.findMany({ select: { action: true, actorName: true, targetId: true, requestId: true } })).toEqual([
      { action: "trust_baseline.approved", actorName: "Ada Approver", targetId: OPS, requestId: "req-1" },
    ]);

    const ops = (await loadTrustBaselines(database.db, ids[3]!)).get(OPS);
    expect(ops).toMatchObject({
      document: WIDENED,
      sinceSnapshotId: ids[2],
      approvedBy: "Ada Approver",
      approvedById: "user-1",
      changedInSnapshotId: null,
    });
    // As of a snapshot before the approved one, the approval does not apply yet.
    expect((await loadTrustBaselines(database.db, ids[1]!)).get(OPS)).toMatchObject({ document: ORIGINAL, changedInSnapshotId: ids[1] });
  });

  it("lets the approval made last win, even of an older version", async () => {
    await approveTrustBaseline(database.db, {
      roleArn: OPS,
      snapshotId: ids[0]!,
      approver: { id: "user-2", name: "Bo", authMethod: "OIDC" },
    });
    const ops = (await loadTrustBaselines(database.db, ids[3]!)).get(OPS);
    expect(ops).toMatchObject({ document: ORIGINAL, approvedBy: "Bo", changedInSnapshotId: ids[1] });
    await approveTrustBaseline(database.db, { roleArn: OPS, snapshotId: ids[3]!, approver });
  });

  it("refuses to approve a version that does not exist, and says which", async () => {
    await expect(
      approveTrustBaseline(database.db, { roleArn: `arn:aws:iam::${A}:role/nope`, snapshotId: ids[0]!, approver }),
    ).rejects.toMatchObject({
      code: "ROLE_NOT_IN_SNAPSHOT",
      message: expect.stringContaining("role/nope"),
    });
    await expect(approveTrustBaseline(database.db, { roleArn: OPS, snapshotId: 9999, approver })).rejects.toMatchObject({
      code: "SNAPSHOT_NOT_FOUND",
    });
    await expect(approveTrustBaseline(database.db, { roleArn: "not-an-arn", snapshotId: ids[0]!, approver })).rejects.toThrow(
      /IAM role ARN/,
    );
  });

  it("starts over for a role deleted and re-created under the same ARN", async () => {
    const gone = makeInventory({ accounts: { [A]: ["app"] } });
    const goneId = await snapshotOf(gone);
    const recreatedId = await snapshotOf(inventoryWith(trustOf(`arn:aws:iam::${A}:role/other`), { roleId: "AROANEWINCARNATION1" }));
    expect((await loadTrustBaselines(database.db, goneId)).has(OPS)).toBe(false);
    expect((await loadTrustBaselines(database.db, recreatedId)).get(OPS)).toMatchObject({
      document: trustOf(`arn:aws:iam::${A}:role/other`),
      sinceSnapshotId: recreatedId,
      approvedBy: null,
      changedInSnapshotId: null,
    });
  });
});
