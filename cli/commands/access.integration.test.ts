import { CommanderError } from "commander";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { AccessError } from "../../lib/access";
import { ADMIN_PS, ADMIN_ROLE, PROD, TEAM_ROLE, accessInventory } from "../../lib/access/testing/access-inventory";
import { env, setRuntimeEnv } from "../../lib/env";
import { takeSnapshot } from "../../lib/snapshot";
import { useTestDatabase } from "../../lib/testing/use-test-database";
import { buildProgram } from "../main";

const database = useTestDatabase();
const originalDatabaseUrl = env().DATABASE_URL;
const HOSTILE = '=HYPERLINK("http://evil.example","x")';

async function run(argv: string[]): Promise<{ out: string; err: string; error: CommanderError | null }> {
  const program = buildProgram();
  const written: string[] = [];
  const errors: string[] = [];
  program.configureOutput({ writeOut: (text) => written.push(text), writeErr: (text) => errors.push(text) });
  const stdout = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    written.push(String(chunk));
    return true;
  });
  const stderr = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    errors.push(String(chunk));
    return true;
  });
  try {
    await program.parseAsync(["node", "vigil", ...argv]);
    return { out: written.join(""), err: errors.join(""), error: null };
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    return { out: written.join(""), err: errors.join(""), error };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

describe("vigil access", () => {
  beforeAll(async () => {
    const state = accessInventory();
    const idc = state.identityCenter!;
    idc.users.push({ ...idc.users[0]!, key: "u-hostile", userId: "u-hostile", userName: HOSTILE, primaryEmail: "hostile@example.com" });
    idc.assignments.push({
      key: `${PROD}|${ADMIN_PS}|USER|u-hostile`,
      accountId: PROD,
      permissionSetArn: ADMIN_PS,
      principalType: "USER",
      principalId: "u-hostile",
    });
    const snapshot = await takeSnapshot(database.db, { source: "LIVE", collect: async () => state });
    expect(snapshot.status).toBe("COMPLETE");
    setRuntimeEnv("DATABASE_URL", database.url);
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(() => setRuntimeEnv("DATABASE_URL", originalDatabaseUrl ?? ""));

  it("prints JSON rows with exactly the documented keys", async () => {
    const { out, error } = await run(["access", "--principal", "alice", "--format", "json", "--account", PROD]);
    expect(error).toBeNull();
    const rows = JSON.parse(out) as Array<Record<string, unknown>>;
    expect(rows.map((r) => Object.keys(r))).toEqual(
      Array(2).fill([
        "principal",
        "accountId",
        "accountName",
        "via",
        "permissionSet",
        "roleArn",
        "effectiveSessionSeconds",
        "cappedByChaining",
        "conditional",
        "conditions",
        "lastUsedAt",
      ]),
    );
    expect(rows[1]).toMatchObject({
      principal: "alice",
      accountId: PROD,
      permissionSet: "Admin",
      roleArn: TEAM_ROLE,
      effectiveSessionSeconds: 3600,
      cappedByChaining: true,
      conditional: false,
      lastUsedAt: null,
    });
    expect((rows[1]!.via as Array<{ kind: string }>).map((hop) => hop.kind)).toEqual([
      "IDC_USER",
      "IDC_GROUP",
      "PERMISSION_SET",
      "RESERVED_ROLE",
      "IAM_ROLE",
    ]);
  });

  it("writes quoted CSV a spreadsheet cannot run as a formula, and a readable table", async () => {
    const { out } = await run(["access", "--principal", "hostile@example.com", "--format", "csv"]);
    const lines = out.trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "principal,accountId,accountName,via,permissionSet,roleArn,effectiveSessionSeconds,cappedByChaining,conditional,conditions,lastUsedAt",
    );
    expect(lines[1]!.startsWith(`"'=HYPERLINK(""http://evil.example"",""x"")",${PROD},`)).toBe(true);
    expect(out).not.toMatch(/(^|,|\r\n)[=+@-]/);
    const table = await run(["access", "--principal", "alice"]);
    expect(table.out).toMatch(/^ACCOUNT\s+PERMISSION SET\s+ROLE\s+SESSION/);
    expect(table.out).toContain("1h (capped by role chaining)");
    expect(table.out).toContain(ADMIN_ROLE.split("/").pop());
  });

  it("fails on an unknown principal with a clear error, and on a bad flag as a usage error", async () => {
    await expect(run(["access", "--principal", "nobody@example.com", "--format", "json"])).rejects.toThrow(AccessError);
    await expect(run(["access", "--principal", "nobody@example.com"])).rejects.toThrow(
      /no Identity Center user or group, account or IAM principal matches "nobody@example.com"/,
    );
    const bad = await run(["access", "--principal", "alice", "--format", "xml"]);
    expect(bad.error?.exitCode).toBe(1);
    expect(bad.err).toMatch(/--format must be one of table, json, csv/);
    const account = await run(["access", "--principal", "alice", "--account", "12"]);
    expect(account.err).toMatch(/12-digit/);
  });

  it("--format aws-config prints an AWS CLI config with the chained hops; a principal it cannot serve exits 2 naming why", async () => {
    const { out, error } = await run(["access", "--principal", "alice", "--format", "aws-config"]);
    expect(error).toBeNull();
    expect(out).toMatch(/^\[sso-session vigil\]$/m);
    expect(out).toContain(`role_arn = ${TEAM_ROLE}`);
    expect(out).toMatch(/^source_profile = .+\.admin$/m);
    const iam = await run(["access", "--principal", TEAM_ROLE, "--format", "aws-config"]);
    expect(iam.error?.exitCode).toBe(2);
    expect(iam.err).toMatch(/an AWS CLI config signs in through Identity Center/);
  });

  it("--explain says when access exists and shows the path, and names the missing link when not, exit 0 both ways", async () => {
    const yes = await run(["access", "--principal", "alice", "--explain", TEAM_ROLE]);
    expect(yes.error).toBeNull();
    expect(yes.out).toMatch(/^alice CAN reach TeamRole/);
    expect(yes.out).toContain("chain: alice > Devs > Admin > ");
    const no = await run(["access", "--principal", "bob", "--explain", TEAM_ROLE, "--format", "json"]);
    expect(no.error).toBeNull();
    const explanation = JSON.parse(no.out) as { reachable: boolean; missing: { code: string; summary: string; fix: { cli: string } } };
    expect(explanation.reachable).toBe(false);
    expect(explanation.missing.code).toBe("NO_ASSIGNMENT");
    expect(explanation.missing.summary).toMatch(/bob has no assignment of Admin on account 222222222222/);
    expect(explanation.missing.fix.cli).toMatch(/^aws sso-admin create-account-assignment /);
  });

  it("--explain exits 2 naming a bad target or principal", async () => {
    const unknown = await run(["access", "--principal", "alice", "--explain", `arn:aws:iam::${PROD}:role/Nope`]);
    expect(unknown.error?.exitCode).toBe(2);
    expect(unknown.err).toMatch(/no role "arn:aws:iam::222222222222:role\/Nope" in this snapshot/);
    const notArn = await run(["access", "--principal", "alice", "--explain", "TeamRole"]);
    expect(notArn.err).toMatch(/"TeamRole" is not an IAM role ARN/);
    const nobody = await run(["access", "--principal", "nobody@example.com", "--explain", TEAM_ROLE]);
    expect(nobody.error?.exitCode).toBe(2);
    expect(nobody.err).toMatch(/no Identity Center user or group.*nobody@example.com/);
    const csv = await run(["access", "--principal", "alice", "--explain", TEAM_ROLE, "--format", "csv"]);
    expect(csv.error?.exitCode).toBe(2);
  });
});
