import { beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "../testing/use-test-database";
import { hashEntry } from "./audit-hash";
import { readAuditBatch } from "./audit-row";
import { recordAudit } from "./record-audit";
import { bypassingTrigger, clearAuditTrail } from "./testing/tamper";
import { verifyAuditChain } from "./verify-audit-chain";

const database = useTestDatabase();

async function writeEntries(count: number): Promise<Array<{ sequence: bigint; hash: string }>> {
  const written = [];
  for (let index = 1; index <= count; index++) {
    written.push(
      await recordAudit(database.db, {
        actor: { type: "system" },
        action: "test.entry",
        target: { type: "test", id: String(index) },
        detail: { index },
      }),
    );
  }
  return written;
}

describe("verifyAuditChain", () => {
  beforeEach(() => clearAuditTrail(database.db));

  it("reports an intact chain with its head and count, reading it in batches", async () => {
    const written = await writeEntries(5);
    expect(await verifyAuditChain(database.db, { batchSize: 2 })).toEqual({ ok: true, count: 5n, head: written[4], anchorsChecked: 0 });
  });

  it("reports an empty trail as intact with no head", async () => {
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, count: 0n, head: null, anchorsChecked: 0 });
  });

  it("names the entry a superuser altered behind the trigger's back", async () => {
    await writeEntries(5);
    await bypassingTrigger(database.db, `UPDATE "AuditEntry" SET "detail" = '{"index": 99}' WHERE "sequence" = 3`);
    expect(await verifyAuditChain(database.db, { batchSize: 2 })).toMatchObject({
      ok: false,
      checked: 2n,
      problem: { kind: "altered", sequence: 3n, message: expect.stringContaining("entry #3 was altered") },
    });
  });

  it("names the first removed entry of a gap", async () => {
    await writeEntries(6);
    await bypassingTrigger(database.db, `DELETE FROM "AuditEntry" WHERE "sequence" IN (3, 4)`);
    expect(await verifyAuditChain(database.db)).toMatchObject({
      ok: false,
      problem: { kind: "removed", sequence: 3n, message: expect.stringContaining("entries #3 to #4 are missing") },
    });
  });

  it("names an entry inserted with a forged hash chain link", async () => {
    const written = await writeEntries(3);
    // A rewrite that recomputes #2's own hash still breaks #3's link to it.
    const [, second] = await readAuditBatch(database.db, 0n, 3);
    const forged = { ...second!, actorName: "mallory" };
    await bypassingTrigger(
      database.db,
      `UPDATE "AuditEntry" SET "actorName" = 'mallory', "hash" = '${hashEntry(forged)}' WHERE "sequence" = 2`,
    );
    expect(written).toHaveLength(3);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, problem: { kind: "inserted", sequence: 3n } });
  });

  it("checks anchors: a rewritten prefix or a removed tail disagrees with them", async () => {
    const written = await writeEntries(4);
    const anchoredAt = "2026-12-01T00:00:00.000Z";
    const anchors = [{ sequence: 2n, hash: written[1]!.hash, anchoredAt }];
    expect(await verifyAuditChain(database.db, { anchors })).toMatchObject({ ok: true, anchorsChecked: 1 });
    expect(await verifyAuditChain(database.db, { anchors: [{ sequence: 2n, hash: "f".repeat(64), anchoredAt }] })).toMatchObject({
      ok: false,
      problem: { kind: "anchor-mismatch", sequence: 2n },
    });
    // Given the last two entries are deleted (no gap is left behind: they were the tail)
    await bypassingTrigger(database.db, `DELETE FROM "AuditEntry" WHERE "sequence" >= 3`);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, count: 2n });
    // Then only the anchor of #4 shows they are gone
    expect(await verifyAuditChain(database.db, { anchors: [{ sequence: 4n, hash: written[3]!.hash, anchoredAt }] })).toMatchObject({
      ok: false,
      problem: { kind: "removed", sequence: 3n, message: expect.stringContaining("entries #3 to #4 are missing") },
    });
  });
});
