import { readFileSync } from "node:fs";
import path from "node:path";

export type LocalCredentials = { username: string; password: string; totpSecret: string };

/** What global-setup hands the specs (written under test-results, outside Playwright's outputDir). */
export type E2eState = {
  baseUrl: string;
  /** the run's own database, for specs that must set up what no page can (e.g. a suppression that has expired) */
  databaseUrl: string;
  oidcIssuer: string;
  oidcPid: number;
  users: Record<"admin" | "viewer" | "signIn" | "wrongCode" | "outage" | "approver" | "operator" | "emergencyOperator", LocalCredentials>;
  /** Accounts at the OIDC provider: login name → groups. */
  ssoUsers: Record<"alice" | "victor" | "mallory", { login: string; groups: string[] }>;
};

export const STATE_FILE = path.resolve("test-results", "e2e-state.json");
/** Which TOTP step each local user last signed in with (fixtures.ts withFreshCode); per run. */
export const TOTP_STEP_DIR = path.resolve("test-results", "totp-steps");

export function readState(): E2eState {
  return JSON.parse(readFileSync(STATE_FILE, "utf8")) as E2eState;
}
