import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diffDrift, type DriftItem, type DriftReport } from "../lib/drift";
import { env, setRuntimeEnv, type Env } from "../lib/env";
import { childLogger } from "../lib/log";
import { useTestDatabase } from "../lib/testing/use-test-database";
import { startDemoSimulator, type DemoSimulator } from "./demo-simulator";
import { DEMO_WARMUPS } from "./demo-warmups";

const database = useTestDatabase();
const dataDir = mkdtempSync(path.join(tmpdir(), "vigil-demo-drift-"));
const AWS_NAMES = ["AWS_ENDPOINT_URL", "AWS_REGION", "VIGIL_AWS_SSO_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"] as const;
const saved = Object.fromEntries(AWS_NAMES.map((name) => [name, (env() as Record<string, unknown>)[name]]));
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  for (const name of AWS_NAMES) setRuntimeEnv(name as keyof Env & string, typeof saved[name] === "string" ? saved[name] : "");
});

/** Starts the demo simulator and runs every warm-up `vigil demo` runs before it prints the URL. */
async function demoStart(now: Date): Promise<void> {
  const simulator: DemoSimulator = await startDemoSimulator({ port: 0, dataDir, now });
  try {
    const settings = {
      AWS_ENDPOINT_URL: simulator.aws.endpoint,
      AWS_REGION: simulator.aws.region,
      VIGIL_AWS_SSO_REGION: simulator.aws.ssoRegion,
      AWS_ACCESS_KEY_ID: simulator.aws.accessKeyId,
      AWS_SECRET_ACCESS_KEY: simulator.aws.secretAccessKey,
    };
    for (const [name, value] of Object.entries(settings)) setRuntimeEnv(name as keyof Env & string, value);
    const context = {
      db: database.db,
      databaseUrl: database.url,
      aws: simulator.aws,
      simulator: simulator.server,
      log: childLogger("demo-test"),
    };
    for (const warmup of DEMO_WARMUPS) await warmup.run(context);
  } finally {
    await simulator.server.close();
  }
}

const items = (report: DriftReport): DriftItem[] => report.groups.flatMap((g) => g.kinds.flatMap((k) => k.items));

describe("drift in vigil demo", () => {
  it("shows a widened trust, a new admin-group member and a longer session out of the box, and a restart applies nothing twice", async () => {
    // Given a first demo start
    await demoStart(new Date("2026-03-01T10:00:00.000Z"));

    // Then the last two snapshots differ by the scripted change, each with who made it
    const report = await diffDrift(database.db);
    const changed = items(report);
    const role = changed.find((i) => i.kind === "IAM_ROLE");
    expect(role).toMatchObject({ change: "changed", label: "DeployRole", trustPolicyChanged: true });
    expect(role?.changes).toEqual([expect.objectContaining({ path: "trustPolicy.Statement[Sid=AllowWholeAccount]", kind: "added" })]);
    expect(role?.whoChanged).toEqual([
      expect.objectContaining({
        eventName: "UpdateAssumeRolePolicy",
        sourceIp: "198.51.100.23",
        actorArn: expect.stringContaining("lucas.moreau"),
      }),
    ]);
    const membership = changed.find((i) => i.kind === "IDC_GROUP_MEMBERSHIP");
    expect(membership).toMatchObject({ change: "added", label: expect.stringMatching(/^zoe\.lambert@.* in platform-engineers$/) });
    expect(membership?.whoChanged.map((e) => e.eventName)).toEqual(["CreateGroupMembership"]);
    const permissionSet = changed.find((i) => i.kind === "PERMISSION_SET");
    expect(permissionSet).toMatchObject({
      label: "AdministratorAccess",
      changes: [{ path: "sessionDuration", kind: "changed", before: "PT1H", after: "PT12H" }],
    });
    expect(permissionSet?.whoChanged.map((e) => e.eventName)).toEqual(["UpdatePermissionSet"]);
    expect(changed.map((i) => i.kind).sort()).toEqual(["IAM_ROLE", "IDC_GROUP_MEMBERSHIP", "PERMISSION_SET"]);
    // And findings ran after each snapshot
    expect(await database.db.findingEvaluation.count()).toBe(2);

    // When the demo restarts (the simulator is rebuilt at the baseline)
    await demoStart(new Date("2026-03-02T10:00:00.000Z"));

    // Then the change was replayed, not applied again: one more snapshot, and it found nothing changed
    const snapshots = await database.db.snapshot.findMany({ orderBy: { id: "asc" }, select: { id: true } });
    expect(snapshots).toHaveLength(3);
    const afterRestart = await diffDrift(database.db);
    expect(items(afterRestart).map((i) => [i.kind, i.naturalKey, i.changes])).toEqual([]);
    expect(afterRestart.totals).toEqual({ added: 0, removed: 0, changed: 0 });
    expect(await database.db.findingEvaluation.count()).toBe(3);
  }, 300_000);
});
