import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import type { OrgInventory } from "../../lib/aws";
import { takeSnapshot } from "../../lib/snapshot";
import { makeInventory, makePermissionSet } from "../../lib/snapshot/testing/make-inventory";
import { useTestDatabase } from "../../lib/testing/use-test-database";

const A = "222222222222";
const database = useTestDatabase();

const vigil = (args: string[]) =>
  promisify(execFile)(process.execPath, ["bin/vigil.mjs", ...args], { env: { ...process.env, DATABASE_URL: database.url } }).then(
    ({ stdout }) => ({ code: 0, stdout, stderr: "" }),
    (err: { code: number; stdout: string; stderr: string }) => ({ code: err.code, stdout: err.stdout, stderr: err.stderr }),
  );

const snapshotOf = async (inventory: OrgInventory) =>
  (await takeSnapshot(database.db, { source: "LIVE", collect: async () => structuredClone(inventory) })).id;

describe("vigil drift", () => {
  const ids: number[] = [];
  beforeAll(async () => {
    const inventory = makeInventory({ accounts: { [A]: ["ops"] }, permissionSets: ["Admin"] });
    ids.push(await snapshotOf(inventory));
    inventory.identityCenter!.permissionSets[0] = makePermissionSet("Admin", { sessionDuration: "PT12H" });
    ids.push(await snapshotOf(inventory));
  });

  it("prints the last two snapshots' drift as JSON", async () => {
    const run = await vigil(["drift", "--format", "json"]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({
      from: { id: ids[0], status: "COMPLETE" },
      to: { id: ids[1], status: "COMPLETE" },
      totals: { added: 0, removed: 0, changed: 1 },
      groups: [
        {
          accountId: null,
          kinds: [
            {
              kind: "PERMISSION_SET",
              items: [
                {
                  change: "changed",
                  label: "Admin",
                  changes: [{ path: "sessionDuration", kind: "changed", before: "PT1H", after: "PT12H" }],
                  whoChanged: [],
                },
              ],
            },
          ],
        },
      ],
    });
  }, 120_000);

  it("prints a readable table, and refuses a bad id with a usage error and an unknown one with a one-line error", async () => {
    const table = await vigil(["drift", "--from", String(ids[0]), "--to", String(ids[1])]);
    expect(table.stdout).toContain("1 changed");
    expect(table.stdout).toContain("~ sessionDuration: PT1H → PT12H");
    const bad = await vigil(["drift", "--from", "abc"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("must be a snapshot id");
    const unknown = await vigil(["drift", "--from", "9999", "--to", String(ids[1])]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe("vigil: snapshot 9999 does not exist");
  }, 120_000);
});
