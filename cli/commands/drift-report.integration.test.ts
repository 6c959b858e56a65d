import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrgInventory } from "../../lib/aws";
import { takeSnapshot } from "../../lib/snapshot";
import { makeInventory, makePermissionSet } from "../../lib/snapshot/testing/make-inventory";
import { useTestDatabase } from "../../lib/testing/use-test-database";

const A = "222222222222";
const database = useTestDatabase();

const vigil = (args: string[]) =>
  promisify(execFile)(process.execPath, ["bin/vigil.mjs", ...args], {
    env: { ...process.env, DATABASE_URL: database.url },
    encoding: "buffer",
    maxBuffer: 20 * 1024 * 1024,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr: stderr.toString("utf8") }),
    (err: { code: number; stdout: Buffer; stderr: Buffer }) => ({
      code: err.code,
      stdout: err.stdout,
      stderr: err.stderr.toString("utf8"),
    }),
  );

const snapshotOf = async (inventory: OrgInventory, asOf: Date) =>
  (await takeSnapshot(database.db, { source: "LIVE", asOf, collect: async () => structuredClone(inventory) })).id;

describe("vigil drift report", () => {
  const ids: number[] = [];
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "vigil-drift-report-"));
    // Given alice holds Admin in A, and then the Admin permission set's session grows to 12 h and the assignment goes
    const inventory = makeInventory({ accounts: { [A]: ["ops"] }, users: ["alice"], permissionSets: ["Admin"] });
    const admin = inventory.identityCenter!.permissionSets[0]!;
    inventory.identityCenter!.assignments.push({
      key: `${A}|${admin.arn}|USER|user-alice`,
      accountId: A,
      permissionSetArn: admin.arn,
      principalType: "USER",
      principalId: "user-alice",
    });
    ids.push(await snapshotOf(inventory, new Date("2026-05-01T00:00:00Z")));
    inventory.identityCenter!.permissionSets[0] = makePermissionSet("Admin", { sessionDuration: "PT12H" });
    inventory.identityCenter!.assignments = [];
    ids.push(await snapshotOf(inventory, new Date("2026-05-09T00:00:00Z")));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("prints JSON to stdout: the week-old snapshot to the latest, the removed path and the permission set change", async () => {
    const run = await vigil(["drift", "report", "--format", "json"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout.toString("utf8")) as Record<string, unknown>;
    expect(report).toMatchObject({
      from: { id: ids[0] },
      to: { id: ids[1] },
      basis: "previous-week",
      counts: { newPaths: 0, removedPaths: 1, permissionSetChanges: 1, trustChanges: 0 },
      access: { removed: [{ userName: "alice", accountId: A, permissionSetName: "Admin" }] },
      permissionSetChanges: [{ label: "Admin", changes: [{ path: "sessionDuration", before: "PT1H", after: "PT12H" }] }],
    });
  }, 120_000);

  it("writes CSV and a PDF (starting %PDF) to --output, each export an audit entry", async () => {
    const csvFile = join(dir, "report.csv");
    const csv = await vigil([
      "drift",
      "report",
      "--since",
      String(ids[0]),
      "--until",
      String(ids[1]),
      "--format",
      "csv",
      "--output",
      csvFile,
    ]);
    expect(csv.code).toBe(0);
    expect(csv.stdout.length).toBe(0);
    const text = await readFile(csvFile, "utf8");
    expect(text.split("\r\n")[0]).toMatch(/^fromSnapshotId,toSnapshotId,section,/);
    expect(text).toContain(`${ids[0]},${ids[1]},access,removed,alice@example.com,${A},`);
    expect(text).toContain(`${ids[0]},${ids[1]},permission-set,changed,Admin,`);

    const pdf = await vigil(["drift", "report", "--format", "pdf"]);
    expect(pdf.code).toBe(0);
    expect(pdf.stdout.subarray(0, 4).toString("latin1")).toBe("%PDF");

    const entries = await database.db.auditEntry.findMany({
      where: { action: "export.created", targetType: "drift-report" },
      orderBy: { sequence: "asc" },
    });
    expect(entries.map((e) => [e.targetId, e.actorType, (e.detail as { format: string }).format])).toEqual([
      [`${ids[0]}-${ids[1]}`, "CLI", "json"],
      [`${ids[0]}-${ids[1]}`, "CLI", "csv"],
      [`${ids[0]}-${ids[1]}`, "CLI", "pdf"],
    ]);
  }, 120_000);

  it("refuses a bad point or format with a usage error and an unknown campaign with a one-line error", async () => {
    const bad = await vigil(["drift", "report", "--since", "=cmd|calc"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("must be a snapshot id, campaign:<id> or an ISO date");
    const format = await vigil(["drift", "report", "--format", "xlsx"]);
    expect(format.code).toBe(2);
    const unknown = await vigil(["drift", "report", "--since", "campaign:77"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe("vigil: review campaign 77 does not exist");
  }, 120_000);
});
