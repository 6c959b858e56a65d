import { beforeEach, describe, expect, it } from "vitest";
import type { OrgInventory } from "../aws";
import { takeSnapshot } from "../snapshot";
import { makeCredentialRow, withAccountDenied } from "../snapshot/testing/make-inventory";
import { useTestDatabase } from "../testing/use-test-database";
import { evaluateFindings } from "./evaluate-findings";
import { getFinding } from "./get-finding";
import { listFindings } from "./list-findings";
import { suppressFindings, unsuppressFindings } from "./suppress-findings";
import { baseState, makeIamUser, MEMBER } from "./testing/rule-input";

const database = useTestDatabase();

/** The member account has IAM user `u` with a console password; `mfa` decides CONSOLE_WITHOUT_MFA. */
function state(mfa: boolean): OrgInventory {
  const inventory = baseState();
  const iam = inventory.iamByAccount[MEMBER];
  if (!iam?.credentialReport) throw new Error("fixture has no member account");
  iam.users.push(makeIamUser(MEMBER, "u", { tags: { "vigil:purpose": "automation" } }));
  iam.credentialReport.rows.push({ ...makeCredentialRow(MEMBER, "u"), passwordEnabled: true, mfaActive: mfa });
  return inventory;
}

async function snapshot(inventory: OrgInventory): Promise<number> {
  const result = await takeSnapshot(database.db, { source: "LIVE", collect: async () => inventory });
  if (result.status === "FAILED") throw new Error(result.failure ?? "snapshot failed");
  return result.id;
}

const evaluate = (snapshotId: number, now?: Date) => evaluateFindings(database.db, snapshotId, { now });

async function theFinding() {
  const page = await listFindings(database.db, { status: "all", rule: "CONSOLE_WITHOUT_MFA" });
  expect(page.total).toBe(1);
  const row = page.rows[0];
  if (!row) throw new Error("no finding");
  return getFinding(database.db, row.id);
}

describe("findings lifecycle", () => {
  beforeEach(async () => {
    await database.db.finding.deleteMany();
    await database.db.findingEvaluation.deleteMany();
  });

  it("opens a finding, resolves it on a complete later snapshot without it, and reopens it when it comes back", async () => {
    const first = await evaluate(await snapshot(state(false)));
    expect(first).toMatchObject({ new: 1, resolved: 0, open: { high: 1 } });

    const fixed = await evaluate(await snapshot(state(true)));
    expect(fixed).toMatchObject({ new: 0, resolved: 1, open: { high: 0 } });
    expect(await theFinding()).toMatchObject({ status: "resolved", resolvedAt: expect.any(Date) });

    const back = await evaluate(await snapshot(state(false)));
    expect(back).toMatchObject({ new: 0, reopened: 1, open: { high: 1 } });
    const finding = await theFinding();
    expect(finding.status).toBe("reopened");
    expect(finding.history.map((h) => h.type)).toEqual(["opened", "resolved", "reopened"]);
  });

  it("a PARTIAL snapshot missing the account resolves none of its findings; a later complete one does", async () => {
    await evaluate(await snapshot(state(false)));
    const partialId = await snapshot(withAccountDenied(state(true), MEMBER));
    const snapshotRow = await database.db.snapshot.findUniqueOrThrow({ where: { id: partialId } });
    expect(snapshotRow.status).toBe("PARTIAL");
    expect(await evaluate(partialId)).toMatchObject({ resolved: 0, open: { high: 1 } });
    expect((await theFinding()).status).toBe("open");

    expect(await evaluate(await snapshot(state(true)))).toMatchObject({ resolved: 1 });
    expect((await theFinding()).status).toBe("resolved");
  });

  it("a credential report that could not be read resolves nothing the report proves", async () => {
    await evaluate(await snapshot(state(false)));
    const noReport = state(true);
    const iam = noReport.iamByAccount[MEMBER];
    if (iam) iam.credentialReport = null;
    const coverage = noReport.coverage.accounts[MEMBER];
    if (coverage) coverage.credentialReport = "FAILED";
    expect(await evaluate(await snapshot(noReport))).toMatchObject({ resolved: 0 });
    expect((await theFinding()).status).toBe("open");
  });

  it("suppresses with who, why and until; the suppression reads as reopened once it expires, and the next evaluation records it", async () => {
    const snapshotId = await snapshot(state(false));
    await evaluate(snapshotId);
    const { id } = await theFinding();
    const now = new Date();
    const until = new Date(now.getTime() + 7 * 86_400_000);
    expect(
      await suppressFindings(database.db, { ids: [id], reason: "accepted risk until the migration", until, actor: "alice" }, now),
    ).toBe(1);
    expect((await listFindings(database.db, { status: "open" })).rows.map((r) => r.id)).not.toContain(id);
    expect(await getFinding(database.db, id)).toMatchObject({
      status: "suppressed",
      suppressedBy: "alice",
      suppressedReason: "accepted risk until the migration",
    });

    const later = new Date(until.getTime() + 1000);
    expect((await listFindings(database.db, { status: "open" }, later)).rows.map((r) => r.id)).toContain(id);
    expect((await getFinding(database.db, id, later)).status).toBe("reopened");

    const result = await evaluate(snapshotId, later);
    expect(result.reopened).toBe(1);
    const finding = await getFinding(database.db, id, later);
    expect(finding.status).toBe("reopened");
    expect(finding.history.map((h) => [h.type, h.actor])).toEqual([
      ["opened", null],
      ["suppressed", "alice"],
      ["suppression_expired", null],
    ]);
  });

  it("refuses suppressions without a reason, with an until in the past, or of unknown findings — all or nothing", async () => {
    await evaluate(await snapshot(state(false)));
    const { id } = await theFinding();
    const future = new Date(Date.now() + 86_400_000);
    await expect(suppressFindings(database.db, { ids: [id], reason: "  ", until: future, actor: "a" })).rejects.toThrow(
      /reason is required/,
    );
    await expect(suppressFindings(database.db, { ids: [id], reason: "r", until: new Date(Date.now() - 1000), actor: "a" })).rejects.toThrow(
      /in the future/,
    );
    await expect(suppressFindings(database.db, { ids: [id, 999_999], reason: "r", until: future, actor: "a" })).rejects.toThrow(
      /no finding with id 999999/,
    );
    expect((await getFinding(database.db, id)).status).toBe("open");
    await suppressFindings(database.db, { ids: [id], reason: "r", until: future, actor: "a" });
    expect(await unsuppressFindings(database.db, { ids: [id], actor: "b", reason: "fixed soon" })).toBe(1);
    expect((await getFinding(database.db, id)).history.map((h) => h.type)).toEqual(["opened", "suppressed", "unsuppressed"]);
  });

  it("writes each suppression and its lifting to the audit trail with who asked and from where", async () => {
    await evaluate(await snapshot(state(false)));
    const { id } = await theFinding();
    const actor = { type: "user" as const, id: "u-1", name: "Alice Auditor", authMethod: "OIDC" as const };
    const until = new Date(Date.now() + 86_400_000);
    await suppressFindings(database.db, { ids: [id], reason: "accepted", until, actor: "Alice Auditor" }, new Date(), {
      actor,
      requestId: "req-1",
      clientAddress: "192.0.2.7",
    });
    await unsuppressFindings(database.db, { ids: [id], actor: "Alice Auditor", reason: "fixed" }, new Date(), { actor });

    const entries = await database.db.auditEntry.findMany({ where: { targetId: String(id) }, orderBy: { sequence: "asc" } });
    expect(entries.map((e) => [e.action, e.actorName, e.targetType])).toEqual([
      ["finding.suppressed", "Alice Auditor", "finding"],
      ["finding.unsuppressed", "Alice Auditor", "finding"],
    ]);
    expect(entries[0]).toMatchObject({
      requestId: "req-1",
      clientAddress: "192.0.2.7",
      detail: { reason: "accepted", until: until.toISOString() },
    });
  });

  it("is idempotent on the same snapshot and a no-op on an older one", async () => {
    const older = await snapshot(state(false));
    const newer = await snapshot(state(false));
    await evaluate(newer);
    const again = await evaluate(newer);
    expect(again).toMatchObject({ skipped: null, new: 0, resolved: 0, reopened: 0, open: { high: 1 } });
    expect(await database.db.findingEvent.count()).toBe(1);
    const stale = await evaluate(older);
    expect(stale.skipped).toMatch(/already evaluated/);
    expect(await database.db.finding.count()).toBe(1);
  });

  it("records evidence changes, but not facts that move with every snapshot (a key's age, its last use)", async () => {
    const base = Date.now();
    const withKey = (rotatedDaysAgo: number, usedDaysAgo: number) => {
      const inventory = state(true);
      const row = inventory.iamByAccount[MEMBER]?.credentialReport?.rows.find((r) => r.user === "u");
      const at = (days: number) => new Date(base - days * 86_400_000).toISOString();
      if (row)
        row.accessKeys[0] = {
          active: true,
          lastRotatedAt: at(rotatedDaysAgo),
          lastUsedAt: at(usedDaysAgo),
          lastUsedRegion: null,
          lastUsedService: "s3",
        };
      return inventory;
    };
    const history = async () => {
      const page = await listFindings(database.db, { status: "all", rule: "STALE_ACCESS_KEY" });
      return (await getFinding(database.db, page.rows[0]?.id ?? 0)).history.map((h) => h.type);
    };
    await evaluate(await snapshot(withKey(200, 3)));
    await evaluate(await snapshot(withKey(200, 1)));
    expect(await history()).toEqual(["opened"]);
    await evaluate(await snapshot(withKey(150, 1)));
    expect(await history()).toEqual(["opened", "evidence_changed"]);
  });

  it("two evaluations at once create each finding once", async () => {
    const snapshotId = await snapshot(state(false));
    await Promise.all([evaluate(snapshotId), evaluate(snapshotId), evaluate(snapshotId)]);
    expect(await database.db.finding.count({ where: { rule: "CONSOLE_WITHOUT_MFA" } })).toBe(1);
    expect(await database.db.findingEvent.count({ where: { type: "OPENED" } })).toBe(1);
  });
});
