import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth";
import { createLogger } from "@/lib/log";
import { useTestDatabase } from "@/lib/testing/use-test-database";
import type { ActionContext } from "../_actions/define-action";
import { suppressSelectedFindings, unsuppressSelectedFindings } from "./finding-actions";
import { joinSelectedIds } from "./join-selected-ids";

const database = useTestDatabase();
const BASE_URL = "http://localhost:3999";
const REQUEST_ID = "6a1c2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const DAY_MS = 86_400_000;
let counter = 0;

function sessionUser(role: SessionUser["role"]): SessionUser {
  return { id: `caller-${role}`, displayName: `${role}-caller`, email: `${role}@example.test`, role, method: "LOCAL" };
}

function context(user: SessionUser): { context: ActionContext; revalidated: string[] } {
  const destination = new Writable({ write: (_chunk, _encoding, done) => done() });
  const revalidated: string[] = [];
  return {
    context: {
      db: database.db,
      user,
      headers: new Headers({ origin: BASE_URL }),
      baseUrl: BASE_URL,
      requestId: REQUEST_ID,
      log: createLogger({ level: "info", destination }),
      revalidate: (path) => revalidated.push(path),
    },
    revalidated,
  };
}

/** A form as the browser sends it: one `ids` entry per ticked checkbox, joined as actions.ts does. */
function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) data.append(name, item);
  return joinSelectedIds(data);
}

async function makeFinding(status: "OPEN" | "RESOLVED" = "OPEN"): Promise<number> {
  const n = counter++;
  const finding = await database.db.finding.create({
    data: {
      fingerprint: `test-${Date.now()}-${n}`,
      rule: "CONSOLE_WITHOUT_MFA",
      severity: "HIGH",
      status,
      title: `IAM user u${n} has a console password and no MFA`,
      accountId: "111122223333",
      resourceArn: `arn:aws:iam::111122223333:user/u${n}`,
      evidence: {},
      evidenceHash: "x",
      remediation: "Require MFA.",
      firstSeenAt: new Date(),
      firstSeenSnapshotId: 1,
      lastSeenAt: new Date(),
      lastSeenSnapshotId: 1,
    },
  });
  return finding.id;
}

const tomorrow = () => new Date(Date.now() + DAY_MS).toISOString().slice(0, 10);

describe("finding suppression actions", () => {
  it("an auditor suppresses every ticked finding with who, why and until, and the history records it", async () => {
    // Given two open findings
    const [a, b] = [await makeFinding(), await makeFinding()];
    const { context: ctx, revalidated } = context(sessionUser("auditor"));
    // When an auditor ticks both and suppresses them
    const state = await suppressSelectedFindings.run(
      ctx,
      form({ ids: [String(a), String(b)], reason: "accepted until migration", until: tomorrow() }),
    );
    // Then both are suppressed until that day's start, by the auditor, with the reason in their history
    expect(state).toMatchObject({ ok: true, message: `Suppressed 2 findings until ${tomorrow()}.` });
    const rows = await database.db.finding.findMany({ where: { id: { in: [a, b] } }, orderBy: { id: "asc" } });
    expect(rows.map((row) => [row.status, row.suppressedBy, row.suppressedReason, row.suppressedUntil?.toISOString()])).toEqual(
      [a, b].map(() => ["SUPPRESSED", "auditor-caller", "accepted until migration", `${tomorrow()}T00:00:00.000Z`]),
    );
    expect(
      await database.db.findingEvent.count({ where: { findingId: { in: [a, b] }, type: "SUPPRESSED", actor: "auditor-caller" } }),
    ).toBe(2);
    expect(revalidated).toEqual(["/findings", "/"]);
  });

  it("a viewer may not suppress: refused with the roles that may, and nothing changes", async () => {
    const id = await makeFinding();
    const { context: ctx } = context(sessionUser("viewer"));
    const state = await suppressSelectedFindings.run(ctx, form({ ids: String(id), reason: "nope", until: tomorrow() }));
    expect(state).toMatchObject({ ok: false, error: "requires role auditor or approver or admin", requestId: REQUEST_ID });
    expect((await database.db.finding.findUniqueOrThrow({ where: { id } })).status).toBe("OPEN");
  });

  it("a missing reason, a day that has started, or no selection is refused naming what is wrong, and nothing changes", async () => {
    const id = await makeFinding();
    const { context: ctx } = context(sessionUser("approver"));
    const today = new Date().toISOString().slice(0, 10);
    const noReason = await suppressSelectedFindings.run(ctx, form({ ids: String(id), reason: "  ", until: tomorrow() }));
    expect(noReason).toMatchObject({ ok: false, fields: ["reason"] });
    expect(noReason.ok === false && noReason.error).toContain("a reason is required");
    const past = await suppressSelectedFindings.run(ctx, form({ ids: String(id), reason: "r", until: today }));
    expect(past.ok === false && past.error).toMatch(/must be in the future/);
    const notADate = await suppressSelectedFindings.run(ctx, form({ ids: String(id), reason: "r", until: "2099-13-45" }));
    expect(notADate).toMatchObject({ ok: false, fields: ["until"] });
    const none = await suppressSelectedFindings.run(ctx, form({ reason: "r", until: tomorrow() }));
    expect(none.ok === false && none.error).toContain("select at least one finding");
    expect((await database.db.finding.findUniqueOrThrow({ where: { id } })).status).toBe("OPEN");
    expect(await database.db.findingEvent.count({ where: { findingId: id } })).toBe(0);
  });

  it("a selection with a resolved finding suppresses none of them", async () => {
    const [open, resolved] = [await makeFinding(), await makeFinding("RESOLVED")];
    const { context: ctx } = context(sessionUser("admin"));
    const state = await suppressSelectedFindings.run(ctx, form({ ids: [String(open), String(resolved)], reason: "r", until: tomorrow() }));
    expect(state.ok === false && state.error).toContain(`finding ${resolved} is resolved`);
    expect((await database.db.finding.findUniqueOrThrow({ where: { id: open } })).status).toBe("OPEN");
  });

  it("lifting a suppression opens the finding again with who lifted it; a viewer may not", async () => {
    const id = await makeFinding();
    await suppressSelectedFindings.run(context(sessionUser("auditor")).context, form({ ids: String(id), reason: "r", until: tomorrow() }));
    const refused = await unsuppressSelectedFindings.run(context(sessionUser("viewer")).context, form({ ids: String(id) }));
    expect(refused.ok).toBe(false);
    const lifted = await unsuppressSelectedFindings.run(
      context(sessionUser("approver")).context,
      form({ ids: String(id), reason: "fixed soon" }),
    );
    expect(lifted).toMatchObject({ ok: true, message: "Lifted the suppression of 1 finding." });
    expect((await database.db.finding.findUniqueOrThrow({ where: { id } })).status).toBe("OPEN");
    expect(await database.db.findingEvent.findFirst({ where: { findingId: id, type: "UNSUPPRESSED" } })).toMatchObject({
      actor: "approver-caller",
      reason: "fixed soon",
    });
  });
});
