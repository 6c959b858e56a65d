import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../testing/use-test-database";
import { findEntities, getEntityHistory, getLatestReadableSnapshot, getSnapshotOrThrow, takeSnapshot } from ".";
import type { OrgInventory } from "../aws";
import { makeInventory, makeRole } from "./testing/make-inventory";

const A = "222222222222";
const B = "333333333333";
const database = useTestDatabase();
const snapshotOf = (inventory: OrgInventory) =>
  takeSnapshot(database.db, { source: "LIVE", collect: async () => structuredClone(inventory) });
const inventory = makeInventory({
  accounts: { [A]: ["app-deploy", "app_read", "ops"], [B]: ["app-deploy", "data"] },
  users: ["alice", "bob", "carol"],
});
const ids: number[] = [];

beforeAll(async () => {
  ids.push((await snapshotOf(inventory)).id);
  const changed = structuredClone(inventory);
  changed.iamByAccount[A]!.roles[2] = makeRole(A, "ops", { description: "on-call" });
  ids.push((await snapshotOf(changed)).id);
  const failed = await takeSnapshot(database.db, {
    source: "LIVE",
    collect: async () => {
      throw new Error("boom");
    },
  });
  ids.push(failed.id);
});

describe("read API", () => {
  it("names the latest readable snapshot, passing over a newer FAILED one", async () => {
    expect((await getSnapshotOrThrow(database.db, ids[2]!)).status).toBe("FAILED");
    expect((await getLatestReadableSnapshot(database.db))?.id).toBe(ids[1]);
  });

  it("parses the run's counts, coverage and stats as the writer stored them", async () => {
    const snapshot = await getSnapshotOrThrow(database.db, ids[1]!);
    expect(snapshot.counts?.totals).toMatchObject({ inserted: 1, closed: 1 });
    expect(snapshot.coverage?.organization).toBe("COLLECTED");
    expect(snapshot.stats?.writeMs).toEqual(expect.any(Number));
    expect((await getSnapshotOrThrow(database.db, ids[2]!)).counts).toBeNull();
  });

  it("refuses to read a FAILED snapshot and reports an unknown one", async () => {
    await expect(findEntities(database.db, { snapshotId: ids[2]!, kind: "IAM_ROLE" })).rejects.toMatchObject({
      code: "SNAPSHOT_NOT_READABLE",
    });
    await expect(getSnapshotOrThrow(database.db, 9999)).rejects.toMatchObject({ code: "SNAPSHOT_NOT_FOUND" });
  });

  it("filters by account, key prefix and search text, and pages in key order", async () => {
    const snapshotId = ids[1]!;
    const ofA = await findEntities(database.db, { snapshotId, kind: "IAM_ROLE", where: { accountId: A } });
    expect(ofA.rows.map((r) => r.data.roleName)).toEqual(["app-deploy", "app_read", "ops"]);

    const prefixed = await findEntities(database.db, { snapshotId, kind: "IAM_ROLE", where: { keyPrefix: `arn:aws:iam::${A}:role/app_` } });
    expect(prefixed.rows.map((r) => r.data.roleName)).toEqual(["app_read"]); // "_" is literal, not a wildcard

    const searched = await findEntities(database.db, { snapshotId, kind: "IAM_ROLE", where: { search: "DEPLOY" } });
    expect(searched.total).toBe(2);
    const users = await findEntities(database.db, { snapshotId, kind: "IDC_USER", where: { search: "carol@example" } });
    expect(users.rows.map((r) => r.data.userName)).toEqual(["carol"]);

    const page2 = await findEntities(database.db, {
      snapshotId,
      kind: "IAM_ROLE",
      orderBy: { field: "naturalKey", direction: "desc" },
      page: 2,
      pageSize: 2,
    });
    expect(page2).toMatchObject({ total: 5, page: 2, pageSize: 2, sort: { by: "naturalKey", dir: "desc" } });
    expect(page2.rows.map((r) => r.naturalKey)).toEqual([`arn:aws:iam::${A}:role/ops`, `arn:aws:iam::${A}:role/app_read`]);
  });

  it("reads each snapshot as it was", async () => {
    const [first, second] = await Promise.all(
      [ids[0]!, ids[1]!].map((snapshotId) =>
        findEntities(database.db, { snapshotId, kind: "IAM_ROLE", where: { keyPrefix: `arn:aws:iam::${A}:role/ops` } }),
      ),
    );
    expect(first?.rows[0]).toMatchObject({ data: { description: null }, validFrom: ids[0], validTo: ids[1] });
    expect(second?.rows[0]).toMatchObject({ data: { description: "on-call" }, validFrom: ids[1], validTo: null });
  });

  it("gives an entity's history oldest first with the snapshots' times", async () => {
    const history = await getEntityHistory(database.db, "IAM_ROLE", `arn:aws:iam::${A}:role/ops`);
    expect(history.map((v) => [v.validFrom, v.validTo, v.data.description])).toEqual([
      [ids[0], ids[1], null],
      [ids[1], null, "on-call"],
    ]);
    expect(history[0]?.validFromAsOf).toBeInstanceOf(Date);
    expect(history[1]?.validToAsOf).toBeNull();
  });
});
