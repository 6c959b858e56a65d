import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseEnv } from "../env";
import { MASTER_KEY_FILE } from "./generated-master-key";
import { masterKeyFingerprint } from "./master-key-wrapper";
import { vaultKeyringFromSettings } from "./vault-keyring-from-env";

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "vigil-vault-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe("vaultKeyringFromSettings", () => {
  it("generates a master key into the data directory (mode 600) for the embedded database, and reuses it", async () => {
    const dataDir = tempDir();
    const first = vaultKeyringFromSettings(parseEnv({ VIGIL_DATA_DIR: dataDir }));
    const file = path.join(dataDir, MASTER_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const stored = Buffer.from(readFileSync(file, "utf8").trim(), "base64");
    expect(await first.current.currentKeyRef()).toBe(`master:${masterKeyFingerprint(stored)}`);
    const second = vaultKeyringFromSettings(parseEnv({ VIGIL_DATA_DIR: dataDir }));
    expect(await second.current.currentKeyRef()).toBe(await first.current.currentKeyRef());
  });

  it("refuses to invent a key for a database of the deployment's own, naming the settings", () => {
    const dataDir = tempDir();
    expect(() => vaultKeyringFromSettings(parseEnv({ VIGIL_DATA_DIR: dataDir, DATABASE_URL: "postgres://db.example/vigil" }))).toThrow(
      /VIGIL_MASTER_KEY.*VIGIL_KMS_KEY_ID/,
    );
  });

  it("uses VIGIL_MASTER_KEY, and keeps VIGIL_MASTER_KEY_PREVIOUS for reading only", async () => {
    const current = randomBytes(32);
    const previous = randomBytes(32);
    const keyring = vaultKeyringFromSettings(
      parseEnv({
        VIGIL_DATA_DIR: tempDir(),
        DATABASE_URL: "postgres://db.example/vigil",
        VIGIL_MASTER_KEY: current.toString("hex"),
        VIGIL_MASTER_KEY_PREVIOUS: previous.toString("base64"),
      }),
    );
    expect(await keyring.current.currentKeyRef()).toBe(`master:${masterKeyFingerprint(current)}`);
    expect(await Promise.all(keyring.others.map((key) => key.currentKeyRef()))).toEqual([`master:${masterKeyFingerprint(previous)}`]);
  });

  it("lib/env refuses a master key that is not 32 bytes, naming the variable", () => {
    expect(() => parseEnv({ VIGIL_MASTER_KEY: randomBytes(16).toString("hex") })).toThrow(/VIGIL_MASTER_KEY/);
    expect(() => parseEnv({ VIGIL_KMS_KEY_ID: "not a key" })).toThrow(/VIGIL_KMS_KEY_ID/);
    expect(() => parseEnv({ VIGIL_KMS_KEY_ID: "alias/vigil-vault" })).not.toThrow();
  });
});
