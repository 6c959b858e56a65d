import { beforeEach, describe, expect, it } from "vitest";
import { createDb } from "../db";
import { useTestDatabase } from "../testing/use-test-database";
import { AuditDetailError } from "./audit-detail";
import { readAuditBatch } from "./audit-row";
import { recordAudit, recordAuditBatch, type AuditEntryInput } from "./record-audit";
import { clearAuditTrail } from "./testing/tamper";
import { verifyAuditChain } from "./verify-audit-chain";

const database = useTestDatabase();

const decision = (row: number, overrides: Partial<AuditEntryInput> = {}): AuditEntryInput => ({
  actor: { type: "user", id: "u1", name: "alice", authMethod: "OIDC" },
  action: "review.decided",
  target: { type: "review_item", id: String(row), label: `row ${row}` },
  detail: { decision: "keep", bulk: true },
  ...overrides,
});

describe("recordAuditBatch", () => {
  beforeEach(() => clearAuditTrail(database.db));

  it("appends 2,500 entries in order after the existing head, and the chain verifies", async () => {
    // Given a trail with one entry
    const first = await recordAudit(database.db, decision(0));
    // When a bulk decision records 2,500 entries in one transaction
    const recorded = await database.db.$transaction(
      (tx) =>
        recordAuditBatch(
          tx,
          Array.from({ length: 2_500 }, (_, index) => decision(index + 1)),
        ),
      { timeout: 60_000 },
    );
    // Then they follow the head without a gap, each chained to the one before
    expect(recorded.map((entry) => entry.sequence)).toEqual(Array.from({ length: 2_500 }, (_, index) => BigInt(index + 2)));
    const rows = await readAuditBatch(database.db, 0n, 3);
    expect(rows[1]!.prevHash).toBe(first.hash);
    expect(rows[2]!.prevHash).toBe(rows[1]!.hash);
    expect(rows[2]).toMatchObject({ targetId: "2", action: "review.decided" });
    expect(await verifyAuditChain(database.db, { batchSize: 400 })).toMatchObject({ ok: true, count: 2_501n });
  }, 90_000);

  it("interleaves with single writers racing it without a gap or a fork", async () => {
    const wide = createDb(database.url, { maxConnections: 8 });
    try {
      await Promise.all([
        ...Array.from({ length: 10 }, (_, index) =>
          wide.$transaction((tx) => recordAudit(tx, decision(10_000 + index)), { timeout: 30_000, maxWait: 30_000 }),
        ),
        ...Array.from({ length: 3 }, (_, batch) =>
          wide.$transaction(
            (tx) =>
              recordAuditBatch(
                tx,
                Array.from({ length: 200 }, (_, index) => decision(batch * 1_000 + index)),
              ),
            { timeout: 30_000, maxWait: 30_000 },
          ),
        ),
      ]);
      expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, count: 610n });
    } finally {
      await wide.$disconnect();
    }
  }, 60_000);

  it("writes nothing when one entry of the batch is refused", async () => {
    await expect(
      database.db.$transaction((tx) => recordAuditBatch(tx, [decision(1), decision(2, { detail: { secretAccessKey: "x" } })])),
    ).rejects.toThrow(AuditDetailError);
    expect(await database.db.auditEntry.count()).toBe(0);
  });
});
