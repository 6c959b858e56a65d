import { execFile } from "node:child_process";
import { userInfo } from "node:os";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../../lib/testing/use-test-database";

const database = useTestDatabase();

const vigil = (args: string[]) =>
  promisify(execFile)(process.execPath, ["bin/vigil.mjs", ...args], {
    env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: "silent" },
  });

describe("vigil user", () => {
  it("records account changes made at the command line under the operator's OS account", async () => {
    await vigil(["user", "add", "--username", "oncall", "--role", "breakglass-operator"]);
    await vigil(["user", "unlock", "--username", "oncall"]);

    const entries = await database.db.auditEntry.findMany({ where: { targetId: { not: null } }, orderBy: { sequence: "asc" } });
    expect(entries.map((e) => [e.action, e.actorType, e.actorName])).toEqual([
      ["user.created", "CLI", `cli:${userInfo().username}`],
      ["user.unlocked", "CLI", `cli:${userInfo().username}`],
    ]);
  }, 120_000);
});
