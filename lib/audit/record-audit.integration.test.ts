import { beforeEach, describe, expect, it } from "vitest";
import { createDb } from "../db";
import { useTestDatabase } from "../testing/use-test-database";
import { AuditDetailError } from "./audit-detail";
import { GENESIS_HASH, hashEntry } from "./audit-hash";
import { readAuditBatch } from "./audit-row";
import { recordAudit, type AuditEntryInput } from "./record-audit";
import { clearAuditTrail } from "./testing/tamper";
import { verifyAuditChain } from "./verify-audit-chain";

const database = useTestDatabase();

const entry = (overrides: Partial<AuditEntryInput> = {}): AuditEntryInput => ({
  actor: { type: "user", id: "u1", name: "alice", authMethod: "LOCAL" },
  action: "finding.suppressed",
  target: { type: "finding", id: "42", label: "Role trusts an outside account" },
  detail: { reason: "accepted until the migration", until: new Date("2027-01-01T00:00:00Z") },
  requestId: "req-1",
  clientAddress: "203.0.113.7",
  ...overrides,
});

describe("recordAudit", () => {
  beforeEach(() => clearAuditTrail(database.db));

  it("chains entries: sequence 1 follows the genesis hash, each next one its predecessor's hash", async () => {
    const first = await recordAudit(database.db, entry());
    const second = await recordAudit(database.db, entry({ action: "export.created", target: null, detail: { format: "csv" } }));
    expect(first.sequence).toBe(1n);
    expect(second.sequence).toBe(2n);
    const rows = await readAuditBatch(database.db, 0n, 10);
    expect(rows.map((row) => row.prevHash)).toEqual([GENESIS_HASH, first.hash]);
    // Read back from Postgres (jsonb reorders keys), each row still hashes to its stored hash.
    for (const row of rows) expect(hashEntry(row)).toBe(row.hash);
    expect(rows[0]).toMatchObject({
      actorType: "USER",
      actorId: "u1",
      actorName: "alice",
      actorAuthMethod: "LOCAL",
      targetType: "finding",
      targetId: "42",
      detail: { reason: "accepted until the migration", until: "2027-01-01T00:00:00.000Z" },
      requestId: "req-1",
      clientAddress: "203.0.113.7",
    });
  });

  it("records system and cli actors by name", async () => {
    await recordAudit(database.db, entry({ actor: { type: "system", name: "anchor" } }));
    await recordAudit(database.db, entry({ actor: { type: "cli", osUser: "root" } }));
    const rows = await readAuditBatch(database.db, 0n, 10);
    expect(rows.map((row) => [row.actorType, row.actorName, row.actorId])).toEqual([
      ["SYSTEM", "system:anchor", null],
      ["CLI", "cli:root", null],
    ]);
  });

  it("leaves no gap when the transaction that wrote an entry rolls back", async () => {
    await recordAudit(database.db, entry());
    await expect(
      database.db.$transaction(async (tx) => {
        await recordAudit(tx, entry({ action: "trust_baseline.approved" }));
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    const next = await recordAudit(database.db, entry());
    expect(next.sequence).toBe(2n);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, count: 2n });
  });

  it("keeps a gapless, valid chain under 50 concurrent writers", async () => {
    const wide = createDb(database.url, { maxConnections: 12 });
    try {
      // Given 50 writers racing, each in its own transaction with a change of its own
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, index) =>
          wide.$transaction(
            async (tx) => {
              await tx.$executeRaw`SELECT pg_sleep(0.005)`;
              return recordAudit(tx, entry({ detail: { writer: index } }));
            },
            { maxWait: 30_000, timeout: 30_000 },
          ),
        ),
      );
      // Then every number from 1 to 50 is used once and the chain verifies
      expect(results.map((result) => Number(result.sequence)).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      expect(await verifyAuditChain(database.db, { batchSize: 7 })).toMatchObject({ ok: true, count: 50n });
    } finally {
      await wide.$disconnect();
    }
  }, 60_000);

  it("refuses an entry whose detail names a secret, and the change it recorded rolls back with it", async () => {
    await expect(
      database.db.$transaction(async (tx) => {
        await recordAudit(tx, entry({ action: "auth.sign_in" }));
        await recordAudit(tx, entry({ detail: { newPassword: "correct horse battery staple" } }));
      }),
    ).rejects.toThrow(AuditDetailError);
    expect(await database.db.auditEntry.count()).toBe(0);
  });

  it("stores a secret-looking value redacted, never as given", async () => {
    const secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    await recordAudit(database.db, entry({ detail: { reason: `pasted by mistake: ${secret}` } }));
    const rows = await database.db.$queryRaw<Array<{ text: string }>>`SELECT "detail"::text AS text FROM "AuditEntry"`;
    expect(rows[0]?.text).toContain("[redacted]");
    expect(rows[0]?.text).not.toContain(secret);
  });

  it("refuses an action that is not a dotted verb", async () => {
    await expect(recordAudit(database.db, entry({ action: "Suppressed finding" }))).rejects.toThrow(/dotted/);
    await expect(recordAudit(database.db, entry({ action: "finding.suppressed" }))).resolves.toMatchObject({ sequence: 1n });
  });

  it("hashes hostile text the same after the jsonb round trip (unicode, NUL, lone surrogates, big numbers)", async () => {
    await recordAudit(
      database.db,
      entry({ detail: { name: "ré\u0000sumé \uD83D\uDE00 \uD800", n: 1e21, small: 5e-324, list: [-0, 0.1] } }),
    );
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, count: 1n });
  });

  it("refuses UPDATE, DELETE and TRUNCATE from the application's connection (the trigger)", async () => {
    await recordAudit(database.db, entry());
    await expect(database.db.$executeRaw`UPDATE "AuditEntry" SET "actorName" = 'mallory'`).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(database.db.$executeRaw`DELETE FROM "AuditEntry"`).rejects.toThrow(/append-only: DELETE refused/);
    await expect(database.db.$executeRaw`TRUNCATE "AuditEntry"`).rejects.toThrow(/append-only: TRUNCATE refused/);
    await expect(database.db.auditEntry.deleteMany({})).rejects.toThrow(/append-only/);
    expect(await database.db.auditEntry.count()).toBe(1);
  });
});
