import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findAccess, type AccessRow } from "../access";
import { makeSimAwsConfig } from "../aws/testing/sim-fixture";
import { startSimServer, type SimServer } from "../sim";
import { readSnapshotState, takeLiveSnapshot } from "../snapshot";
import { useTestDatabase } from "../testing/use-test-database";
import { evaluateFindings, type EvaluateFindingsResult } from "./evaluate-findings";
import { DEFAULT_FINDING_SETTINGS } from "./findings-settings";
import { listFindings, type FindingRow } from "./list-findings";
import {
  ACCEPTANCE_ACCOUNTS,
  ACCEPTANCE_SCENARIO,
  HOSTILE_GROUP,
  HOSTILE_TEXT,
  INLINE_89_PERCENT,
  INLINE_91_PERCENT,
  acceptanceExpectedFindings,
} from "./testing/acceptance-scenario";

const { prod, dev } = ACCEPTANCE_ACCOUNTS;

/** rule + resource, plus what tells two findings on one resource apart (trusted account, severity, assignment). */
function keyOf(finding: Pick<FindingRow, "rule" | "resourceArn" | "severity" | "evidence" | "accountId">): string {
  const evidence = finding.evidence;
  switch (finding.rule) {
    case "TRUST_WHOLE_ACCOUNT":
      return `${finding.rule} ${finding.resourceArn} ${String(evidence.trustedAccountId)}`;
    case "TRUST_EXTERNAL_ACCOUNT":
      return `${finding.rule} ${finding.resourceArn} ${finding.severity}`;
    case "DIRECT_USER_ASSIGNMENT":
      return `${finding.rule} ${String(evidence.userName)} ${String(evidence.permissionSet)} ${finding.accountId}`;
    default:
      return `${finding.rule} ${finding.resourceArn}`;
  }
}

describe("Vigil on an organization it was not tuned on (trust, credential and Identity Center edge cases)", () => {
  const database = useTestDatabase();
  let sim: SimServer;
  let snapshotId: number;
  let evaluation: EvaluateFindingsResult;
  let findings: FindingRow[];

  const permissionSetArn = (name: string): string => {
    const ps = sim.state.identityCenter.permissionSets.find((p) => p.name === name);
    if (!ps) throw new Error(`no permission set ${name}`);
    return ps.arn;
  };

  const vigil = (args: string[]) =>
    promisify(execFile)(process.execPath, ["bin/vigil.mjs", ...args], {
      env: { ...process.env, DATABASE_URL: database.url },
      maxBuffer: 64 * 1024 * 1024,
    }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (err: { code: number; stdout: string; stderr: string }) => ({ code: err.code, stdout: err.stdout, stderr: err.stderr }),
    );

  beforeAll(async () => {
    sim = await startSimServer({ scenario: ACCEPTANCE_SCENARIO, port: 0 });
    const snapshot = await takeLiveSnapshot(database.db, { config: makeSimAwsConfig(sim.url) });
    expect(snapshot.status).toBe("COMPLETE");
    snapshotId = snapshot.id;
    evaluation = await evaluateFindings(database.db, snapshot.id, { settings: DEFAULT_FINDING_SETTINGS });
    findings = (await listFindings(database.db, { status: "all", pageSize: 5000 })).rows;
  }, 240_000);

  afterAll(async () => {
    await sim?.close();
  });

  it("raises exactly the expected findings: every firing case, no near-miss", () => {
    expect(evaluation.graphError).toBeNull();
    expect(findings.map(keyOf).sort()).toEqual(acceptanceExpectedFindings({ permissionSetArn }));
  });

  it("measures the permission sets' inline policies as collected (89 % stays silent, 91 % fires)", async () => {
    const state = await readSnapshotState(database.db, snapshotId);
    const size = (name: string) => state.identityCenter?.permissionSets.find((p) => p.name === name)?.inlinePolicy?.rawDocument.length;
    expect([size("Inline89"), size("Inline91")]).toEqual([INLINE_89_PERCENT, INLINE_91_PERCENT]);
  });

  it("notes the unreadable trust policy instead of guessing", async () => {
    const { notes } = await findAccess(database.db, { principal: prod });
    expect(notes.some((n) => n.code === "TRUST_UNREADABLE" && n.resourceArn === `arn:aws:iam::${prod}:role/BrokenTrustText`)).toBe(true);
  });

  describe("effective access of ana (member of the hostile-named group)", () => {
    let rows: AccessRow[];
    beforeAll(async () => {
      rows = (await findAccess(database.db, { principal: "ana", pageSize: 10_000 })).rows;
    });
    const roleRows = (name: string) => rows.filter((r) => r.roleArn?.endsWith(`:role/${name}`));

    it("reaches ProdAdmin from ProdLong's reserved role, with ProdLong's two-hour session", () => {
      const [row] = roleRows("ProdAdmin");
      expect(row).toMatchObject({ accountId: prod, permissionSet: "ProdLong", conditional: false });
      expect(row?.effectiveSessionSeconds).toBe(3600);
      expect(row?.cappedByChaining).toBe(true);
    });

    it("gives a permission set's own session on its reserved role: PT1H and PT2H as set, uncapped", () => {
      const reserved = (ps: string) =>
        rows.find((r) => r.via.length === 4 && r.permissionSet === ps && r.roleArn?.includes(`AWSReservedSSO_${ps}_`));
      expect(
        [reserved("ProdShort"), reserved("ProdLong"), reserved("DevAdmin")].map(
          (r) => r && [r.effectiveSessionSeconds, r.cappedByChaining],
        ),
      ).toEqual([
        [3600, false],
        [7200, false],
        [28_800, false],
      ]);
    });

    it("reaches the proxy's team role through the empty-but-bounded proxy (a chained, one-hour session)", () => {
      expect(roleRows("TeamRole").map((r) => [r.permissionSet, r.effectiveSessionSeconds, r.cappedByChaining])).toEqual([
        ["Team-Proxy", 3600, true],
      ]);
    });

    it("caps a two-hop chain into a 12-hour role at one hour", () => {
      expect(roleRows("DeepRole").map((r) => [r.effectiveSessionSeconds, r.cappedByChaining, r.via.length])).toEqual([[3600, true, 6]]);
    });

    it("shows the * trust that needs a source address as conditional, with the condition", () => {
      const row = roleRows("WildcardSourceIp").find((r) => r.permissionSet === "ProdLong");
      expect(row?.conditional).toBe(true);
      expect(row?.conditions).toEqual([expect.objectContaining({ key: "aws:SourceIp", values: ["203.0.113.0/24"], policy: "trust" })]);
    });
  });

  it("lets Deployer assume exactly the roles whose trust (Allow less Deny) admits it", async () => {
    const rows = (await findAccess(database.db, { principal: `arn:aws:iam::${dev}:role/Deployer`, pageSize: 1000 })).rows;
    const reached = [
      ...new Set(
        rows.filter((r) => r.via.length === 2).map((r) => `${r.roleArn?.split("/").pop()}${r.conditional ? " (conditional)" : ""}`),
      ),
    ].sort();
    // AllowThenDenySame (Deny of the same account) and the vendors' roles stay out of reach.
    expect(reached).toEqual([
      "AccountConditionOnly",
      "AllowAllButOne",
      "DenyNotPrincipal",
      "DenyUnlessPrincipalArn",
      "MixedPrincipals",
      "OrgWide",
      "PatternMatchesAll",
      "SingleStringPrincipal",
      "TagSessionSplit",
      "WildcardSourceIp (conditional)",
    ]);
  });

  describe("through the CLI", () => {
    it("vigil findings --format json lists the same findings, hostile text intact in JSON", async () => {
      const run = await vigil(["findings", "--status", "all", "--format", "json"]);
      expect(run.code).toBe(0);
      const rows = JSON.parse(run.stdout) as FindingRow[];
      expect(rows.map(keyOf).sort()).toEqual(acceptanceExpectedFindings({ permissionSetArn }));
    });

    it("vigil access --principal <email> --format json gives the rows findAccess gives", async () => {
      const run = await vigil(["access", "--principal", "ana@example.com", "--account", prod, "--format", "json"]);
      expect(run.code).toBe(0);
      const rows = JSON.parse(run.stdout) as AccessRow[];
      const deep = rows.find((r) => r.roleArn?.endsWith(":role/DeepRole"));
      expect(deep).toMatchObject({ accountId: prod, permissionSet: "ProdLong", effectiveSessionSeconds: 3600, cappedByChaining: true });
      expect(rows.every((r) => r.accountId === prod)).toBe(true);
    });

    it("vigil access --format csv keeps a hostile group name formula-safe", async () => {
      const run = await vigil(["access", "--principal", "ben", "--account", prod, "--format", "csv"]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(HOSTILE_GROUP);
      // Every cell that would start a formula is neutralised (quoted with a leading apostrophe or similar).
      expect(run.stdout).not.toMatch(/(^|,)"?=cmd/m);
    });

    it("vigil drift --format json shows a widened trust diffed as JSON, and the next evaluation raises and keeps the right findings", async () => {
      const hostileRole = sim.state.iam.get(prod)?.roles.find((r) => r.roleName.startsWith("Hostile"));
      sim.admin.setTrustPolicy(prod, "OrgWide", {
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: "*", Action: "sts:AssumeRole" }],
      });
      const second = await takeLiveSnapshot(database.db, { config: makeSimAwsConfig(sim.url) });
      const result = await evaluateFindings(database.db, second.id, { settings: DEFAULT_FINDING_SETTINGS });
      expect(result.graphError).toBeNull();
      const run = await vigil(["drift", "--format", "json"]);
      expect(run.code).toBe(0);
      const report = JSON.parse(run.stdout) as { totals: { changed: number }; groups: unknown[] };
      expect(report.totals.changed).toBeGreaterThanOrEqual(1);
      expect(run.stdout).toContain("OrgWide");
      expect(run.stdout).toContain("aws:PrincipalOrgID");
      expect(hostileRole?.description).toBe(HOSTILE_TEXT);
      const open = (await listFindings(database.db, { status: "open", pageSize: 5000 })).rows.map(keyOf);
      expect(open).toContain(`TRUST_WILDCARD arn:aws:iam::${prod}:role/OrgWide`);
      expect(open).toContain(`TRUST_POLICY_DRIFT arn:aws:iam::${prod}:role/OrgWide`);
    });
  });
});
