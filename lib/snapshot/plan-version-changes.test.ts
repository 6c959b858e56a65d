import { describe, expect, it } from "vitest";
import { planVersionChanges, type HashedRecord, type OpenVersion } from "./plan-version-changes";

const makeRecord = (naturalKey: string, contentHash: string, accountId: string | null = "a"): HashedRecord => ({
  kind: "IAM_ROLE",
  naturalKey,
  accountId,
  data: {},
  contentHash,
  activityDigest: null,
});
const makeOpen = (id: string, naturalKey: string, contentHash: string, accountId: string | null = "a"): OpenVersion => ({
  id,
  naturalKey,
  accountId,
  contentHash,
  activityDigest: null,
});

describe("planVersionChanges", () => {
  it("writes nothing for an unchanged entity", () => {
    const plan = planVersionChanges([makeRecord("k", "h")], [makeOpen("1", "k", "h")], () => true);
    expect(plan).toEqual({ inserts: [], closeIds: [], unchanged: 1, carried: 0, removed: 0, refreshes: [] });
  });

  it("closes the old version and inserts a new one for a changed entity", () => {
    const plan = planVersionChanges([makeRecord("k", "h2")], [makeOpen("1", "k", "h1")], () => true);
    expect(plan.closeIds).toEqual(["1"]);
    expect(plan.inserts.map((r) => r.contentHash)).toEqual(["h2"]);
    expect(plan.removed).toBe(0);
  });

  it("refreshes, rather than versions, an entity whose activity fields alone moved", () => {
    const record = { ...makeRecord("k", "h"), activityDigest: "used-today" };
    const plan = planVersionChanges([record], [{ ...makeOpen("1", "k", "h"), activityDigest: "used-yesterday" }], () => true);
    expect(plan).toMatchObject({ inserts: [], closeIds: [], unchanged: 1, refreshes: [{ id: "1", record }] });
  });

  it("inserts a new entity", () => {
    expect(planVersionChanges([makeRecord("k", "h")], [], () => true).inserts).toHaveLength(1);
  });

  it("closes an absent entity only in a deletion scope, and carries it over elsewhere", () => {
    const open = [makeOpen("1", "gone", "h", "a"), makeOpen("2", "unknown", "h", "b")];
    const plan = planVersionChanges([], open, (accountId) => accountId === "a");
    expect(plan.closeIds).toEqual(["1"]);
    expect(plan).toMatchObject({ removed: 1, carried: 1 });
  });
});
