import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../../lib/testing/use-test-database";
import { readCredentialSecrets } from "../../lib/vault";
import { databaseText, leakedSecrets, makeTestKeyring } from "../../lib/vault/testing";

const database = useTestDatabase();
const OLD_KEY = randomBytes(32);
const NEW_KEY = randomBytes(32);
const dataDir = mkdtempSync(path.join(tmpdir(), "vigil-cli-vault-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

type Run = { code: number | null; stdout: string; stderr: string };

/** Runs `vigil …` with `stdin` piped in; every log line (trace level) lands in stdout/stderr for the leak search. */
function vigil(args: string[], stdin: string, masterKey: Buffer = OLD_KEY): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["bin/vigil.mjs", ...args], {
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        VIGIL_DATA_DIR: dataDir,
        VIGIL_MASTER_KEY: masterKey.toString("base64"),
        LOG_LEVEL: "trace",
      },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

const PASSWORD = `Pw-${randomBytes(12).toString("base64url")} with spaces`;
const SECRET_KEY = randomBytes(30).toString("base64");
const ACCESS_KEY_ID = "AKIACLITESTKEY000001";

describe("vigil breakglass add / vigil vault rewrap", () => {
  it("registers a password and key pair read from stdin, echoes neither, and audits it under the operator", async () => {
    // When an admin pipes the password and secret key into the command
    const run = await vigil(
      [
        "breakglass",
        "add",
        "--account",
        "123456789012",
        "--iam-user",
        "breakglass-cli",
        "--password-stdin",
        "--access-key-id",
        ACCESS_KEY_ID,
        "--secret-access-key-stdin",
        "--max-minutes",
        "45",
      ],
      `${PASSWORD}\n${SECRET_KEY}\n`,
    );
    // Then it succeeds, printing the credential without its secrets
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /registered breakglass-cli in 123456789012 \(id c[0-9a-v]{24}\): console password and access key AKIACLITESTKEY000001; checkouts up to 45 minutes/,
    );
    // And neither the output nor any table holds a secret
    expect(leakedSecrets(run.stdout + run.stderr, [PASSWORD, SECRET_KEY])).toEqual([]);
    expect(leakedSecrets(await databaseText(database.db), [PASSWORD, SECRET_KEY])).toEqual([]);
    // And the vault reads them back with the same key
    const credential = await database.db.breakglassCredential.findUniqueOrThrow({
      where: { accountId_iamUserName: { accountId: "123456789012", iamUserName: "breakglass-cli" } },
    });
    expect(await readCredentialSecrets(database.db, credential.id, makeTestKeyring(OLD_KEY))).toEqual({
      password: PASSWORD,
      accessKeyId: ACCESS_KEY_ID,
      secretAccessKey: SECRET_KEY,
    });
    const entry = await database.db.auditEntry.findFirstOrThrow({
      where: { action: "breakglass.credential_registered", targetId: credential.id },
    });
    expect([entry.actorType, entry.actorName]).toEqual(["CLI", `cli:${userInfo().username}`]);
  }, 120_000);

  it("bad flags and malformed stdin exit 2 with one line naming the problem, writing nothing", async () => {
    const before = await database.db.breakglassCredential.count();
    const cases: Array<[string[], string, RegExp]> = [
      [["--account", "12345", "--iam-user", "x", "--password-stdin"], "pw\n", /12-digit AWS account id/],
      [["--account", "123456789012", "--iam-user", "bad user", "--password-stdin"], "pw\n", /IAM user name/],
      [
        ["--account", "123456789012", "--iam-user", "x", "--access-key-id", "ASIA1234567890123456", "--secret-access-key-stdin"],
        "k\n",
        /AKIA/,
      ],
      [["--account", "123456789012", "--iam-user", "x"], "", /--password-stdin, --secret-access-key-stdin, or both/],
      [["--account", "123456789012", "--iam-user", "x", "--password-stdin", "--secret-access-key-stdin"], "pw\n", /go together/],
      [["--account", "123456789012", "--iam-user", "x", "--password-stdin"], "pw-one\npw-two-leaked?\n", /1 line/],
    ];
    for (const [flags, stdin, message] of cases) {
      const run = await vigil(["breakglass", "add", ...flags], stdin);
      expect(run.code, flags.join(" ")).toBe(2);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toContain("pw-two");
    }
    expect(await database.db.breakglassCredential.count()).toBe(before);
  }, 120_000);

  it("a secret IAM would not accept is refused (exit 1) by name, without quoting it", async () => {
    const run = await vigil(
      [
        "breakglass",
        "add",
        "--account",
        "123456789012",
        "--iam-user",
        "shortkey",
        "--access-key-id",
        ACCESS_KEY_ID,
        "--secret-access-key-stdin",
      ],
      "too-short-secret-value\n",
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/secretAccessKey/);
    expect(run.stderr).not.toContain("too-short-secret-value");
  }, 120_000);

  it("after a master-key rotation, rewrap with the old key from a file moves every data key; the new key alone reads them; a rerun re-wraps nothing", async () => {
    const oldKeyFile = path.join(dataDir, "old-master-key");
    writeFileSync(oldKeyFile, `${OLD_KEY.toString("hex")}\n`, { mode: 0o600 });
    const run = await vigil(["vault", "rewrap", "--from-key-file", oldKeyFile], "", NEW_KEY);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /vault rewrap: 2 data key\(s\) re-wrapped, 0 already under master:[0-9a-f]{16}, 0 credential\(s\) failed \(2 secret\(s\) stored\)/,
    );
    const credential = await database.db.breakglassCredential.findFirstOrThrow({ where: { iamUserName: "breakglass-cli" } });
    expect((await readCredentialSecrets(database.db, credential.id, makeTestKeyring(NEW_KEY))).password).toBe(PASSWORD);
    await expect(readCredentialSecrets(database.db, credential.id, makeTestKeyring(OLD_KEY))).rejects.toMatchObject({
      code: "VAULT_KEY_UNAVAILABLE",
    });
    const again = await vigil(["vault", "rewrap"], "", NEW_KEY);
    expect(again.stdout).toMatch(/0 data key\(s\) re-wrapped, 2 already under/);
    expect(
      leakedSecrets(run.stdout + run.stderr + again.stdout + again.stderr, [
        PASSWORD,
        SECRET_KEY,
        OLD_KEY.toString("hex"),
        NEW_KEY.toString("base64"),
      ]),
    ).toEqual([]);
  }, 120_000);

  it("rewrap without the old key reports each credential it cannot unwrap and exits 1", async () => {
    const run = await vigil(["vault", "rewrap"], "", randomBytes(32));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/not among the configured keys/);
  }, 120_000);
});
