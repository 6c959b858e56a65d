import { beforeEach, describe, expect, it } from "vitest";
import { findLatestDrills, type DrillProblem } from "../breakglass";
import { takeSnapshot } from "../snapshot";
import { useTestDatabase } from "../testing/use-test-database";
import { registerCredential } from "../vault";
import { useTestVaultKeyring } from "../vault/testing";
import { evaluateFindings } from "./evaluate-findings";
import { getFinding } from "./get-finding";
import { listFindings } from "./list-findings";
import { baseState, MEMBER } from "./testing/rule-input";

const database = useTestDatabase();
useTestVaultKeyring();

const DAY_MS = 86_400_000;
const T0 = new Date("2026-06-01T00:00:00.000Z");
const day = (n: number, minutes = 0) => new Date(T0.getTime() + n * DAY_MS + minutes * 60_000);
const NO_MFA: DrillProblem[] = [{ check: "mfa", message: "breakglass-admin has no MFA device" }];
const UNREADABLE: DrillProblem[] = [{ check: "drill", message: "IAM could not be read: AccessDenied" }];

let credentialId = "";

async function drill(ranAt: Date, problems: DrillProblem[]) {
  await database.db.breakglassDrill.create({ data: { credentialId, ranAt, isPassed: problems.length === 0, problems } });
}

async function evaluateAt(asOf: Date) {
  const snapshot = await takeSnapshot(database.db, { source: "LIVE", asOf, collect: async () => baseState() });
  if (snapshot.status === "FAILED") throw new Error(snapshot.failure ?? "snapshot failed");
  return evaluateFindings(database.db, snapshot.id, { baselines: new Map() });
}

async function theFinding() {
  const page = await listFindings(database.db, { status: "all", rule: "BREAKGLASS_DRILL_FAILED" });
  expect(page.total).toBe(1);
  return getFinding(database.db, page.rows[0]!.id);
}

describe("BREAKGLASS_DRILL_FAILED through evaluateFindings", () => {
  beforeEach(async () => {
    await database.db.finding.deleteMany();
    await database.db.findingEvaluation.deleteMany();
    await database.db.breakglassDrill.deleteMany();
    await database.db.breakglassCredential.deleteMany();
    const credential = await registerCredential(
      database.db,
      { accountId: MEMBER, iamUserName: "breakglass-admin", maxCheckoutMinutes: 60, password: "Pw-123456789!" },
      { actor: { type: "system", name: "test" } },
    );
    credentialId = credential.id;
  });

  it("a failed drill opens the finding, an unreadable one keeps it open, a passing one resolves it", async () => {
    // Given a drill that found no MFA device
    await drill(day(0, -30), NO_MFA);
    // When the next snapshot is evaluated, then the finding is open on the user with the failed check
    expect(await evaluateAt(day(0))).toMatchObject({ new: 1, open: { high: 1 } });
    expect(await theFinding()).toMatchObject({
      status: "open",
      accountId: MEMBER,
      resourceArn: `arn:aws:iam::${MEMBER}:user/breakglass-admin`,
      evidence: { credentialId, failedChecks: NO_MFA, drillRanAt: day(0, -30).toISOString() },
    });

    // A drill that could not read IAM neither resolves it nor fires anew
    await drill(day(1, -30), UNREADABLE);
    expect(await evaluateAt(day(1))).toMatchObject({ new: 0, resolved: 0, open: { high: 1 } });
    expect((await theFinding()).status).toBe("open");

    // A passing drill resolves it
    await drill(day(2, -30), []);
    expect(await evaluateAt(day(2))).toMatchObject({ new: 0, resolved: 1, open: { high: 0 } });
    const finding = await theFinding();
    expect(finding.status).toBe("resolved");
    expect(finding.history.map((h) => h.type)).toEqual(["opened", "resolved"]);
  });

  it("a credential never drilled has no finding; a drill after the snapshot's as-of waits for the next snapshot", async () => {
    expect(await evaluateAt(day(0))).toMatchObject({ new: 0 });
    await drill(day(0, 30), NO_MFA);
    expect(await findLatestDrills(database.db, { asOf: day(0) })).toEqual([]);
    expect(await findLatestDrills(database.db, { asOf: day(1) })).toMatchObject([{ credentialId, outcome: "failed", problems: NO_MFA }]);
    expect(await evaluateAt(day(1))).toMatchObject({ new: 1 });
  });

  it("a credential removed from the vault resolves its finding", async () => {
    await drill(day(0, -30), NO_MFA);
    expect(await evaluateAt(day(0))).toMatchObject({ new: 1 });
    await database.db.breakglassCredential.delete({ where: { id: credentialId } });
    expect(await evaluateAt(day(1))).toMatchObject({ resolved: 1 });
  });
});
