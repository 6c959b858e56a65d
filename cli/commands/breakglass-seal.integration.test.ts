import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { Decrypter, generateX25519Identity, identityToRecipient } from "age-encryption";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../../lib/testing/use-test-database";
import { registerCredential } from "../../lib/vault";
import { makeTestKeyring } from "../../lib/vault/testing";

const database = useTestDatabase();
const masterKey = randomBytes(32);
const PASSWORD = "Cl1-seal-console-password!";
const SECRET_ACCESS_KEY = "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY";

let dir: string;
let identity: string;
let recipient: string;

const vigil = (args: string[]) =>
  promisify(execFile)(process.execPath, ["bin/vigil.mjs", ...args], {
    env: { ...process.env, DATABASE_URL: database.url, VIGIL_MASTER_KEY: masterKey.toString("hex"), LOG_LEVEL: "info" },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (err: { code: number; stdout: string; stderr: string }) => ({ code: err.code, stdout: err.stdout, stderr: err.stderr }),
  );

describe("vigil breakglass seal", () => {
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "vigil-seal-cli-"));
    identity = await generateX25519Identity();
    recipient = await identityToRecipient(identity);
    await registerCredential(
      database.db,
      {
        accountId: "111122223333",
        iamUserName: "breakglass-admin",
        maxCheckoutMinutes: 60,
        password: PASSWORD,
        accessKeyId: "AKIAIOSFODNN7EXAMPLE",
        secretAccessKey: SECRET_ACCESS_KEY,
      },
      { actor: { type: "cli", osUser: "setup" } },
      makeTestKeyring(masterKey),
    );
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("writes the sealed copy, audits it, and prints no secret on stdout or stderr", async () => {
    const output = path.join(dir, "breakglass.age");
    const run = await vigil(["breakglass", "seal", "--recipient", recipient, "--output", output]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`sealed 1 credential(s) to ${output}`);
    expect(run.stdout).toContain(`age -d -i key.txt ${output}`);
    for (const secret of [PASSWORD, SECRET_ACCESS_KEY]) expect(run.stdout + run.stderr).not.toContain(secret);
    expect((await stat(output)).mode & 0o777).toBe(0o600);
    const decrypter = new Decrypter();
    decrypter.addIdentity(identity);
    const opened = await decrypter.decrypt(await readFile(output), "text");
    expect(opened).toContain(PASSWORD);
    expect(opened).toContain(SECRET_ACCESS_KEY);
    const entry = await database.db.auditEntry.findFirstOrThrow({ where: { action: "breakglass.sealed" } });
    expect(entry).toMatchObject({ actorType: "CLI", targetId: output });
    expect(entry.detail).toMatchObject({ recipient });
  }, 120_000);

  it("exits 1 rather than overwrite, and 2 for a recipient that is not an age X25519 key", async () => {
    const output = path.join(dir, "breakglass.age");
    const again = await vigil(["breakglass", "seal", "--recipient", recipient, "--output", output]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already exists; pass --force to replace it");
    const badKey = await vigil(["breakglass", "seal", "--recipient", identity, "--output", path.join(dir, "other.age")]);
    expect(badKey.code).toBe(2);
    expect(badKey.stderr).toContain("must be an age X25519 public key");
    // the identity given by mistake is not echoed back
    expect(badKey.stderr).not.toContain(identity);
  }, 120_000);
});
