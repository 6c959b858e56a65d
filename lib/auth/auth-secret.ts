import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const AUTH_SECRET_FILE = "auth-secret";

/**
 * The key that signs cookies and encrypts TOTP secrets: VIGIL_AUTH_SECRET, else one generated once
 * and kept in <dataDir>/auth-secret (mode 600) so a zero-config install keeps its sessions and
 * TOTP enrolments across restarts. Losing the file invalidates every TOTP enrolment.
 */
export function resolveAuthSecret(options: {
  configured: string | undefined;
  dataDir: string;
  onGenerated?: (file: string) => void;
}): string {
  if (options.configured) return options.configured;
  const file = path.resolve(options.dataDir, AUTH_SECRET_FILE);
  if (existsSync(file)) {
    const stored = readFileSync(file, "utf8").trim();
    if (stored.length >= 32) return stored;
    throw new Error(`${file} holds a secret shorter than 32 characters; remove it or set VIGIL_AUTH_SECRET`);
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  try {
    // "wx": two processes starting together must not overwrite each other's secret.
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return readFileSync(file, "utf8").trim();
    throw error;
  }
  chmodSync(file, 0o600);
  options.onGenerated?.(file);
  return secret;
}
