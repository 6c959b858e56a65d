import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../testing/use-test-database";
import { findSnapshotHistory } from "./find-snapshot-history";
import { getIamRoleHistory } from "./get-iam-role-history";
import { getSnapshotChanges } from "./get-snapshot-changes";
import { getSnapshotReport } from "./get-snapshot-report";
import { getSnapshotView } from "./get-snapshot-view";
import { makeAccount, makeRole, recordSnapshot } from "./testing/inventory-fixtures";

const database = useTestDatabase();
const PROD = "111111111111";
const deployArn = `arn:aws:iam::${PROD}:role/deploy`;
let first: number;
let failed: number;
let second: number;

describe("before any snapshot", () => {
  it("has no snapshot to read", async () => {
    expect(await getSnapshotView(database.db)).toEqual({ state: "none" });
  });
});

describe("with a history", () => {
  beforeAll(async () => {
    first = await recordSnapshot(database.db, [makeAccount(PROD), makeRole(PROD, "deploy"), makeRole(PROD, "old")]);
    ({ id: failed } = await database.db.snapshot.create({
      data: {
        source: "LIVE",
        status: "FAILED",
        asOf: new Date(),
        failure: "AccessDenied on ListAccounts",
        errors: { create: [{ service: "organizations", operation: "ListAccounts", code: "AccessDenied", message: "no" }] },
      },
    }));
    second = await recordSnapshot(
      database.db,
      [makeAccount(PROD), makeRole(PROD, "deploy", { maxSessionDuration: 7200 }), makeRole(PROD, "new")],
      "PARTIAL",
    );
  });

  it("defaults to the latest readable snapshot and refuses a failed or unknown one", async () => {
    const latest = await getSnapshotView(database.db);
    expect(latest).toMatchObject({ state: "ready", snapshot: { id: second, status: "PARTIAL" } });
    expect(latest.state === "ready" && latest.options.map((o) => o.id)).toEqual([second, first]);
    expect(await getSnapshotView(database.db, first)).toMatchObject({ state: "ready", snapshot: { id: first } });
    expect(await getSnapshotView(database.db, failed)).toMatchObject({ state: "unreadable", message: expect.stringContaining("FAILED") });
    expect(await getSnapshotView(database.db, 9999)).toMatchObject({
      state: "unreadable",
      message: expect.stringContaining("does not exist"),
    });
  });

  it("lists every run with its error count, filterable by status and sortable by errors", async () => {
    const all = await findSnapshotHistory(database.db, { sort: "id", dir: "desc", page: 1, pageSize: 10 });
    expect(all.rows.map((s) => s.id)).toEqual([second, failed, first]);
    const byErrors = await findSnapshotHistory(database.db, { sort: "errors", dir: "desc", page: 1, pageSize: 1 });
    expect(byErrors).toMatchObject({ total: 3, rows: [{ id: failed, errorCount: 1, failure: "AccessDenied on ListAccounts" }] });
    expect((await findSnapshotHistory(database.db, { status: "FAILED", sort: "id", dir: "asc", page: 1, pageSize: 10 })).total).toBe(1);
  });

  it("reports a run with its errors and the readable snapshot before it, skipping failed runs", async () => {
    expect(await getSnapshotReport(database.db, second)).toMatchObject({
      status: "PARTIAL",
      isReadable: true,
      previousReadableId: first,
      errors: [],
    });
    expect(await getSnapshotReport(database.db, failed)).toMatchObject({
      isReadable: false,
      previousReadableId: first,
      errors: [{ accountId: null, service: "organizations", code: "AccessDenied" }],
    });
  });

  it("refuses a run whose stored counts are not in the shape the writer stores, naming the snapshot", async () => {
    const { id } = await database.db.snapshot.create({
      data: { source: "LIVE", status: "FAILED", asOf: new Date(), counts: { totals: { seen: "many" } } },
    });
    await expect(getSnapshotReport(database.db, id)).rejects.toThrow(`snapshot ${id}: counts is not in the expected shape`);
    await expect(findSnapshotHistory(database.db, { sort: "id", dir: "desc", page: 1, pageSize: 10 })).rejects.toThrow(
      `snapshot ${id}: counts`,
    );
    await database.db.snapshot.delete({ where: { id } });
  });

  it("summarizes changes between snapshots by kind, with changed field names", async () => {
    const changes = await getSnapshotChanges(database.db, first, second);
    expect(changes.totals).toEqual({ added: 1, removed: 1, changed: 1 });
    const roles = changes.kinds.find((k) => k.kind === "IAM_ROLE");
    expect(roles?.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ change: "added", label: "new" }),
        expect.objectContaining({ change: "removed", label: "old" }),
        expect.objectContaining({ change: "changed", label: "deploy", fields: ["maxSessionDuration"] }),
      ]),
    );
  });

  it("gives a role's versions newest first with what changed in each", async () => {
    const history = await getIamRoleHistory(database.db, deployArn);
    expect(history.map((v) => [v.validFrom, v.validTo, v.changedFields, v.maxSessionDuration])).toEqual([
      [second, null, ["maxSessionDuration"], 7200],
      [first, second, [], 3600],
    ]);
  });
});
