import { describe, expect, it } from "vitest";
import { parseSnapshotJson } from "./snapshot-run-json";
import { makeInventory } from "./testing/make-inventory";
import type { WriteCounts } from "./write-inventory";

const inventory = makeInventory({ accounts: { "111111111111": ["deploy"] }, users: ["alice"] });
const counts: WriteCounts = {
  seen: { ACCOUNT: 1, IAM_ROLE: 1 },
  inserted: { ACCOUNT: 1, IAM_ROLE: 1 },
  removed: {},
  carried: {},
  refreshed: {},
  totals: { seen: 2, inserted: 2, closed: 0, removed: 0, carried: 0, refreshed: 0 },
};
const asStored = (value: object): unknown => JSON.parse(JSON.stringify(value));

describe("parseSnapshotJson", () => {
  it("reads back the counts, coverage and stats a finished run stores", () => {
    const stats = { ...inventory.stats, collectMs: 12, writeMs: 3, credentialReportsGeneratedAt: { "111111111111": null } };
    expect(parseSnapshotJson(1, "counts", asStored(counts))).toEqual(counts);
    expect(parseSnapshotJson(1, "coverage", asStored(inventory.coverage))).toEqual(inventory.coverage);
    expect(parseSnapshotJson(1, "stats", asStored(stats))).toEqual(stats);
  });

  it("keeps the null of a run that never finished", () => {
    expect(parseSnapshotJson(1, "counts", null)).toBeNull();
    expect(parseSnapshotJson(1, "coverage", null)).toBeNull();
  });

  it("refuses a value of another shape, naming the snapshot, the column and the field", () => {
    const { organization, ...rest } = inventory.coverage;
    const renamed = asStored({ ...rest, organisation: organization });
    expect(() => parseSnapshotJson(42, "coverage", renamed)).toThrow(/^snapshot 42: coverage [^]*at organization$/);
    expect(() => parseSnapshotJson(42, "counts", { ...counts, seen: { NOT_A_KIND: 1 } })).toThrow(/snapshot 42: counts/);
  });
});
