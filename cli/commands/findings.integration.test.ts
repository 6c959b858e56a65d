import { CommanderError } from "commander";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { env, setRuntimeEnv } from "../../lib/env";
import { evaluateFindings } from "../../lib/findings";
import { baseState, makeIamUser, MEMBER } from "../../lib/findings/testing/rule-input";
import { takeSnapshot } from "../../lib/snapshot";
import { makeCredentialRow } from "../../lib/snapshot/testing/make-inventory";
import { useTestDatabase } from "../../lib/testing/use-test-database";
import { buildProgram } from "../main";
import { evaluateFindingsStep } from "./findings";

const database = useTestDatabase();
const originalDatabaseUrl = env().DATABASE_URL;

async function run(argv: string[]): Promise<{ out: string; error: CommanderError | null }> {
  const program = buildProgram();
  const written: string[] = [];
  program.configureOutput({ writeOut: (text) => written.push(text), writeErr: (text) => written.push(text) });
  const stdout = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    written.push(String(chunk));
    return true;
  });
  try {
    await program.parseAsync(["node", "vigil", ...argv]);
    return { out: written.join(""), error: null };
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    return { out: written.join(""), error };
  } finally {
    stdout.mockRestore();
  }
}

describe("vigil findings", () => {
  beforeAll(async () => {
    const state = baseState();
    const iam = state.iamByAccount[MEMBER];
    if (!iam?.credentialReport) throw new Error("fixture has no member account");
    iam.users.push(makeIamUser(MEMBER, "=cmd|' /C calc'!A0", { tags: { "vigil:purpose": "automation" } }));
    iam.credentialReport.rows.push({ ...makeCredentialRow(MEMBER, "=cmd|' /C calc'!A0"), passwordEnabled: true, mfaActive: false });
    const snapshot = await takeSnapshot(database.db, { source: "LIVE", collect: async () => state });
    await evaluateFindings(database.db, snapshot.id);
    setRuntimeEnv("DATABASE_URL", database.url);
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(() => setRuntimeEnv("DATABASE_URL", originalDatabaseUrl ?? ""));

  it("prints JSON rows with rule, severity, status, account, resource, title, evidence, remediation and times", async () => {
    const { out, error } = await run(["findings", "--format", "json", "--severity", "high,critical"]);
    expect(error).toBeNull();
    const rows = JSON.parse(out) as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0] ?? {}).sort()).toEqual(
      [
        "accountId",
        "evidence",
        "firstSeenAt",
        "id",
        "lastSeenAt",
        "remediation",
        "resourceArn",
        "rule",
        "severity",
        "status",
        "suppressedUntil",
        "title",
      ].sort(),
    );
    expect(rows[0]).toMatchObject({ rule: "CONSOLE_WITHOUT_MFA", severity: "high", status: "open", accountId: MEMBER });
  });

  it("writes CSV a spreadsheet cannot run as a formula", async () => {
    const { out } = await run(["findings", "--format", "csv", "--rule", "CONSOLE_WITHOUT_MFA"]);
    const line = out.split("\r\n")[1] ?? "";
    expect(line).toContain(",arn:aws:iam::222222222222:user/=cmd|' /C calc'!A0,");
    expect(line).toContain(`IAM user =cmd|' /C calc'!A0`);
    expect(out).not.toMatch(/(^|,|\r\n)[=+@-]/);
  });

  it("suppresses a finding with a reason until a future date, and refuses bad flags with a usage error", async () => {
    const [finding] = JSON.parse((await run(["findings", "--format", "json"])).out) as Array<{ id: number }>;
    const until = new Date(Date.now() + 86_400_000).toISOString();
    expect((await run(["findings", "suppress", String(finding?.id), "--reason", "accepted", "--until", until])).out).toMatch(
      /suppressed 1 finding/,
    );
    expect(JSON.parse((await run(["findings", "--format", "json", "--status", "suppressed"])).out)).toHaveLength(1);

    expect((await run(["findings", "suppress", "1", "--until", until])).error?.code).toBe("commander.missingMandatoryOptionValue");
    expect((await run(["findings", "suppress", "1", "--reason", " ", "--until", until])).error?.code).toBe("commander.invalidArgument");
    expect((await run(["findings", "suppress", "1", "--reason", "r", "--until", "2020-01-01"])).error?.code).toBe(
      "commander.invalidArgument",
    );
    expect((await run(["findings", "--status", "closed"])).error?.code).toBe("commander.invalidArgument");
    expect((await run(["findings", "--severity", "urgent"])).error?.code).toBe("commander.invalidArgument");
    expect((await run(["findings", "--format", "xml"])).error?.code).toBe("commander.invalidArgument");
  });

  it("the findings step of vigil snapshot / import prints a summary, or why it failed without hiding the snapshot", async () => {
    const latest = await database.db.snapshot.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(await evaluateFindingsStep(database.db, latest.id)).toEqual({
      // the one high finding was suppressed by the previous test
      line: "findings: 0 new, 0 resolved, 0 reopened; open: 0 critical, 0 high, 0 medium, 0 low, 0 info",
      failed: false,
    });
    expect(await evaluateFindingsStep(database.db, 987_654)).toEqual({
      line: "findings: evaluation failed: snapshot 987654 does not exist",
      failed: true,
    });
  });
});
