import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { decodeMasterKey } from "./master-key-wrapper";

export const MASTER_KEY_FILE = "vault-master-key";

export function masterKeyFile(dataDir: string): string {
  return path.resolve(dataDir, MASTER_KEY_FILE);
}

/** The key kept in <dataDir>/vault-master-key, when there is one. */
export function readGeneratedMasterKey(dataDir: string): Buffer | undefined {
  const file = masterKeyFile(dataDir);
  if (!existsSync(file)) return undefined;
  try {
    return decodeMasterKey(readFileSync(file, "utf8"));
  } catch {
    throw new Error(`${file} does not hold a 32-byte key; restore it from a backup or set VIGIL_MASTER_KEY`);
  }
}

/**
 * For the embedded demo only, like the auth secret: a key generated once into <dataDir> (mode 600)
 * so a zero-config install can register credentials. Losing the file loses every stored secret.
 */
export function resolveGeneratedMasterKey(dataDir: string, onGenerated?: (file: string) => void): Buffer {
  const existing = readGeneratedMasterKey(dataDir);
  if (existing) return existing;
  const file = masterKeyFile(dataDir);
  mkdirSync(path.dirname(file), { recursive: true });
  const key = randomBytes(32);
  try {
    // "wx": two processes starting together must not overwrite each other's key.
    writeFileSync(file, `${key.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return readGeneratedMasterKey(dataDir)!;
    throw error;
  }
  chmodSync(file, 0o600);
  onGenerated?.(file);
  return key;
}
