import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { Decrypter, generateX25519Identity, identityToRecipient } from "age-encryption";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { cliActor } from "../audit";
import { clearAuditTrail } from "../audit/testing/tamper";
import { useTestDatabase } from "../testing/use-test-database";
import { registerCredential } from "../vault";
import { useTestVaultKeyring } from "../vault/testing";
import { SEALED_COPY_FORMAT, sealCredentials } from "./seal-credentials";

const database = useTestDatabase();
const keyring = useTestVaultKeyring();

const PASSWORD = "Br3ak-Gl4ss!console-password";
const ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
const SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const OTHER_PASSWORD = "0ther-Acc0unt-password";

let dir: string;
let identity: string;
let recipient: string;
let credentialIds: string[];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "vigil-seal-"));
  identity = await generateX25519Identity();
  recipient = await identityToRecipient(identity);
  const audit = { actor: cliActor() };
  const first = await registerCredential(
    database.db,
    {
      accountId: "111122223333",
      iamUserName: "breakglass-admin",
      mfaNote: "YubiKey in safe B",
      maxCheckoutMinutes: 60,
      password: PASSWORD,
      accessKeyId: ACCESS_KEY_ID,
      secretAccessKey: SECRET_ACCESS_KEY,
    },
    audit,
    keyring,
  );
  const second = await registerCredential(
    database.db,
    { accountId: "444455556666", iamUserName: "breakglass-prod", maxCheckoutMinutes: 30, password: OTHER_PASSWORD },
    audit,
    keyring,
  );
  credentialIds = [first.id, second.id];
});
afterAll(() => rm(dir, { recursive: true, force: true }));
beforeEach(() => clearAuditTrail(database.db));

type SealedCopy = { format: string; credentials: Array<Record<string, string | null>> };

async function open(file: string): Promise<SealedCopy> {
  const decrypter = new Decrypter();
  decrypter.addIdentity(identity);
  return JSON.parse(await decrypter.decrypt(await readFile(file), "text")) as SealedCopy;
}

describe("sealCredentials", () => {
  it("writes every credential age-encrypted to the recipient, readable only by the owner", async () => {
    // Given two registered credentials, when sealed
    const output = path.join(dir, "sealed.age");
    const result = await sealCredentials(database.db, { recipient, output, keyring }, { actor: cliActor() });

    // Then the file is 0600, holds no plaintext, and the matching identity opens it
    expect(result.credentialIds.sort()).toEqual([...credentialIds].sort());
    expect((await stat(output)).mode & 0o777).toBe(0o600);
    const raw = await readFile(output, "latin1");
    expect(raw.startsWith("age-encryption.org/v1\n")).toBe(true);
    for (const secret of [PASSWORD, SECRET_ACCESS_KEY, OTHER_PASSWORD]) expect(raw).not.toContain(secret);
    const sealed = await open(output);
    expect(sealed.format).toBe(SEALED_COPY_FORMAT);
    expect(sealed.credentials).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          accountId: "111122223333",
          iamUserName: "breakglass-admin",
          mfaNote: "YubiKey in safe B",
          password: PASSWORD,
          accessKeyId: ACCESS_KEY_ID,
          secretAccessKey: SECRET_ACCESS_KEY,
        }),
        expect.objectContaining({
          accountId: "444455556666",
          iamUserName: "breakglass-prod",
          password: OTHER_PASSWORD,
          accessKeyId: null,
          secretAccessKey: null,
        }),
      ]),
    );
    // And no temporary file is left beside it
    expect((await readdir(dir)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("is on the audit trail as breakglass.sealed with the recipient and credential ids, never a secret", async () => {
    const output = path.join(dir, "audited.age");
    await sealCredentials(database.db, { recipient, output, keyring }, { actor: { type: "cli", osUser: "ops" } });
    const entries = await database.db.auditEntry.findMany({ where: { action: "breakglass.sealed" } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorType: "CLI", actorName: "cli:ops", targetId: output });
    expect(entries[0]!.detail).toMatchObject({ recipient, output });
    expect((entries[0]!.detail as { credentialIds: string[] }).credentialIds.sort()).toEqual([...credentialIds].sort());
    const text = JSON.stringify(entries, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
    for (const secret of [PASSWORD, SECRET_ACCESS_KEY, OTHER_PASSWORD]) expect(text).not.toContain(secret);
  });

  it("refuses to replace an existing file without force, and replaces it with force", async () => {
    const output = path.join(dir, "existing.age");
    await writeFile(output, "keep me");
    await expect(sealCredentials(database.db, { recipient, output, keyring }, { actor: cliActor() })).rejects.toThrow(
      /already exists; pass --force/,
    );
    expect(await readFile(output, "utf8")).toBe("keep me");
    expect(await database.db.auditEntry.count({ where: { action: "breakglass.sealed" } })).toBe(0);

    await sealCredentials(database.db, { recipient, output, keyring, force: true }, { actor: cliActor() });
    expect((await open(output)).credentials).toHaveLength(2);
  });

  it("refuses recipients that are not age X25519 public keys, writing nothing", async () => {
    const output = path.join(dir, "refused.age");
    const refused = [
      identity, // the secret key, not the public one
      "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGb0mUjhH7m5T4K0WQkC9qf5a0zq5p9bJ3nq2f0o2X6p ops@example",
      `age1pq1${"q".repeat(80)}`,
      `${recipient.slice(0, -1)}${recipient.endsWith("q") ? "p" : "q"}`, // checksum broken
      "",
    ];
    for (const bad of refused) {
      await expect(sealCredentials(database.db, { recipient: bad, output, keyring }, { actor: cliActor() })).rejects.toThrow(/--recipient/);
    }
    expect(existsSync(output)).toBe(false);
  });

  // Debian's `age` (.ci/run installs it): the runbook's way to open the copy when Vigil is down.
  it("opens with the age command line tool, as the runbook says", async () => {
    const output = path.join(dir, "cli.age");
    const keyFile = path.join(dir, "key.txt");
    await writeFile(keyFile, `${identity}\n`, { mode: 0o600 });
    await sealCredentials(database.db, { recipient, output, keyring }, { actor: cliActor() });
    const { stdout } = await promisify(execFile)("age", ["-d", "-i", keyFile, output]);
    expect(JSON.parse(stdout)).toMatchObject({ format: SEALED_COPY_FORMAT });
    expect(stdout).toContain(SECRET_ACCESS_KEY);
  });
});
