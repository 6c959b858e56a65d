import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "../../lib/audit";
import { bypassingTrigger } from "../../lib/audit/testing/tamper";
import { useTestDatabase } from "../../lib/testing/use-test-database";

const database = useTestDatabase();
let dir: string;

const vigil = (args: string[], extraEnv: Record<string, string> = {}) =>
  promisify(execFile)(process.execPath, ["bin/vigil.mjs", ...args], {
    env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: "silent", ...extraEnv },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (err: { code: number; stdout: string; stderr: string }) => ({ code: err.code, stdout: err.stdout, stderr: err.stderr }),
  );

describe("vigil audit verify", () => {
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "vigil-audit-cli-"));
    for (let index = 1; index <= 4; index++) {
      await recordAudit(database.db, { actor: { type: "cli", osUser: "ops" }, action: "test.entry", detail: { index } });
    }
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("exits 0 with the head and count when intact, and checks the anchor file `vigil audit anchor` wrote", async () => {
    const anchorFile = path.join(dir, "anchors.jsonl");
    const anchored = await vigil(["audit", "anchor"], { VIGIL_AUDIT_ANCHOR_FILE: anchorFile });
    expect(anchored.stdout).toMatch(/^anchored head #4 [0-9a-f]{64}\n$/);
    const run = await vigil(["audit", "verify", "--batch-size", "3"], { VIGIL_AUDIT_ANCHOR_FILE: anchorFile });
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toMatch(
      new RegExp(`^audit trail intact: 4 entries, head #4 [0-9a-f]{64}, 1 anchor\\(s\\) from ${anchorFile} match\\n$`),
    );
  }, 120_000);

  it("exits 1 naming the row a superuser updated behind the trigger, then the gap a deletion leaves", async () => {
    await bypassingTrigger(database.db, `UPDATE "AuditEntry" SET "detail" = '{"index": 20}' WHERE "sequence" = 2`);
    const altered = await vigil(["audit", "verify"]);
    expect(altered.code).toBe(1);
    expect(altered.stderr).toContain("vigil: audit trail BROKEN at entry #2 (altered): entry #2 was altered");

    await bypassingTrigger(database.db, `DELETE FROM "AuditEntry" WHERE "sequence" = 2`);
    const removed = await vigil(["audit", "verify"]);
    expect(removed.code).toBe(1);
    expect(removed.stderr).toContain(
      "audit trail BROKEN at entry #2 (removed): entry #2 is missing (removed): the chain jumps from #1 to #3",
    );
  }, 120_000);

  it("refuses a bad flag with a usage error", async () => {
    expect((await vigil(["audit", "verify", "--batch-size", "0"])).code).toBe(2);
  }, 60_000);
});
