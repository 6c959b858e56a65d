import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeSimAwsConfig } from "../aws/testing/sim-fixture";
import { defaultCloudTrailRegions, ingestCloudTrailForOrganization } from "../cloudtrail";
import { startSimServer, type PlantedProblem, type PlantedProblemKind, type SimServer } from "../sim";
import { takeLiveSnapshot } from "../snapshot";
import { useTestDatabase } from "../testing/use-test-database";
import { evaluateFindings, type EvaluateFindingsResult } from "./evaluate-findings";
import { DEFAULT_FINDING_SETTINGS } from "./findings-settings";
import { listFindings, type FindingRow } from "./list-findings";
import type { RuleId } from "./types";

const RULE_OF: Record<PlantedProblemKind, RuleId> = {
  "unused-iam-user": "ORPHANED_IAM_USER",
  "orphaned-iam-user": "ORPHANED_IAM_USER",
  "stale-access-key": "STALE_ACCESS_KEY",
  "console-without-mfa": "CONSOLE_WITHOUT_MFA",
  "external-trust": "TRUST_EXTERNAL_ACCOUNT",
  "dangling-trust-principal": "TRUST_DANGLING_PRINCIPAL",
  "proxy-with-managed-policy": "PROXY_PERMISSION_SET_NOT_EMPTY",
  "broken-proxy-chain": "PROXY_CHAIN_BROKEN",
  "direct-user-assignment": "DIRECT_USER_ASSIGNMENT",
  "long-production-session": "LONG_SESSION_SENSITIVE_ACCOUNT",
  "unused-assignment": "UNUSED_ASSIGNMENT",
  "breakglass-without-checkout": "BREAKGLASS_USED_WITHOUT_CHECKOUT",
};

/** Default settings: the demo designates its break-glass/automation users and proxy targets by tags, as operators should. */
describe("findings on the simulator's demo scenario", () => {
  const database = useTestDatabase();
  let sim: SimServer;
  let findings: FindingRow[];
  let evaluation: EvaluateFindingsResult;

  /** What a planted problem's resource names, as a finding names it (an access key id names its user). */
  function subjectOf(problem: PlantedProblem): string {
    if (!/^AKIA/.test(problem.resource)) return problem.resource;
    const user = sim.state.iam.get(problem.accountId)?.users.find((u) => u.accessKeys.some((k) => k.accessKeyId === problem.resource));
    return user?.arn ?? problem.resource;
  }

  const subjectsOf = (finding: FindingRow): string[] =>
    [finding.resourceArn, finding.evidence.userId, finding.evidence.targetRoleArn].filter((s): s is string => typeof s === "string");

  const matches = (problem: PlantedProblem, finding: FindingRow) =>
    finding.rule === RULE_OF[problem.kind] && finding.accountId === problem.accountId && subjectsOf(finding).includes(subjectOf(problem));

  beforeAll(async () => {
    sim = await startSimServer({ scenario: "demo", port: 0 });
    const config = makeSimAwsConfig(sim.url);
    const snapshot = await takeLiveSnapshot(database.db, { config });
    expect(snapshot.status).toBe("COMPLETE");
    // As `vigil demo` does: the snapshot, then the CloudTrail ingestion, then the findings.
    const ingest = await ingestCloudTrailForOrganization(database.db, {
      config,
      regions: defaultCloudTrailRegions(["us-east-1", "eu-west-1"]),
    });
    expect("status" in ingest && ingest.status).toBe("COMPLETE");
    evaluation = await evaluateFindings(database.db, snapshot.id, { settings: DEFAULT_FINDING_SETTINGS });
    findings = (await listFindings(database.db, { status: "all", pageSize: 5000 })).rows;
  }, 240_000);

  afterAll(async () => {
    await sim?.close();
  });

  it("builds the trust graph", () => {
    expect(evaluation.graphError).toBeNull();
  });

  it("finds every planted problem under its rule", () => {
    const missed = sim.state.plantedProblems.filter((problem) => !findings.some((finding) => matches(problem, finding)));
    expect(missed.map((p) => `${p.kind} ${p.accountId} ${p.resource}`)).toEqual([]);
  });

  it("raises nothing else at high or critical severity", () => {
    const unplanned = findings.filter(
      (finding) =>
        (finding.severity === "high" || finding.severity === "critical") && !sim.state.plantedProblems.some((p) => matches(p, finding)),
    );
    expect(unplanned.map((f) => `${f.rule} ${f.accountId} ${f.title}`)).toEqual([]);
  });

  it("finds no orphaned IAM user it did not plant (owners are real people, designated users are tagged)", () => {
    const unplanned = findings.filter((f) => f.rule === "ORPHANED_IAM_USER" && !sim.state.plantedProblems.some((p) => matches(p, f)));
    expect(unplanned.map((f) => `${f.accountId} ${f.title}`)).toEqual([]);
  });
});
