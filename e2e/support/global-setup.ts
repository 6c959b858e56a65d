import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { createLocalUser } from "../../lib/auth";
import { applyMigrations, createDb, findFreePort, poolConfigFromUrl, startEmbeddedPostgres } from "../../lib/db";
import { assertLocalDatabase } from "../../lib/testing/local-database-guard";
import { withDatabaseName } from "../../lib/testing/test-databases";
import { seedFindings } from "./seed-findings";
import { seedInventory } from "./seed-inventory";
import { seedReviews } from "./seed-reviews";
import { STATE_FILE, TOTP_STEP_DIR, type E2eState } from "./state";

const CLIENT_ID = "vigil-e2e";
const AUTH_SECRET = randomBytes(32).toString("base64url");
// The vault key of the run: the web server encrypts with it and the break-glass spec rotates with it
// (set here, so the spec's worker processes inherit it).
process.env.VIGIL_MASTER_KEY ??= randomBytes(32).toString("base64");

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client(poolConfigFromUrl(withDatabaseName(serverUrl, "postgres")));
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function waitForLine(child: ChildProcess, text: string, what: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start within ${timeoutMs} ms`)), timeoutMs);
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes(text)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited early with code ${code}`));
    });
  });
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const response = await fetch(url, { redirect: "manual" }).catch(() => null);
    if (response && response.status < 500) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

function stop(child: ChildProcess | undefined): void {
  if (child?.pid && child.exitCode === null) {
    try {
      process.kill(child.pid, "SIGTERM");
    } catch {
      // already gone (the outage spec kills the IdP on purpose)
    }
  }
}

/**
 * One e2e run: a fresh migrated database, a real OIDC provider with users in IdP groups, local
 * break-glass users made by createLocalUser, and the production build served by bin/vigil-web.mjs.
 */
export default async function globalSetup() {
  const cleanups: Array<() => Promise<void> | void> = [];
  const teardown = async () => {
    for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => {});
  };
  try {
    // Database: DATABASE_URL's server, or an embedded cluster under .vigil-e2e; always a fresh database.
    let serverUrl = process.env.DATABASE_URL;
    if (!serverUrl) {
      const embedded = await startEmbeddedPostgres(path.resolve(".vigil-e2e"));
      serverUrl = embedded.url;
      cleanups.push(() => embedded.stop());
    }
    assertLocalDatabase(serverUrl);
    const databaseName = `vigil_e2e_${randomBytes(5).toString("hex")}`;
    await adminQuery(serverUrl, `CREATE DATABASE "${databaseName}"`);
    const databaseUrl = withDatabaseName(serverUrl, databaseName);
    cleanups.push(() => adminQuery(serverUrl!, `DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`));
    await applyMigrations(databaseUrl);

    const [appPort, idpPort] = [await findFreePort(), await findFreePort()];
    const baseUrl = `http://127.0.0.1:${appPort}`;
    const oidcIssuer = `http://127.0.0.1:${idpPort}`;
    const clientSecret = randomBytes(24).toString("base64url");

    const ssoUsers: E2eState["ssoUsers"] = {
      alice: { login: "alice", groups: ["vigil-admins", "staff"] },
      victor: { login: "victor", groups: ["vigil-viewers"] },
      mallory: { login: "mallory", groups: ["sales"] },
    };
    const idp = spawn(
      process.execPath,
      [
        path.resolve("e2e/support/oidc-server.mjs"),
        JSON.stringify({
          port: idpPort,
          clientId: CLIENT_ID,
          clientSecret,
          redirectUri: `${baseUrl}/api/auth/callback/oidc`,
          accounts: Object.fromEntries(
            Object.values(ssoUsers).map((user) => [
              user.login,
              { email: `${user.login}@example.com`, name: user.login, groups: user.groups },
            ]),
          ),
        }),
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    cleanups.push(() => stop(idp));
    await waitForLine(idp, "ready", "OIDC provider", 15_000);

    const db = createDb(databaseUrl, { maxConnections: 2 });
    const users = {} as E2eState["users"];
    try {
      for (const [key, role] of [
        ["admin", "admin"],
        ["viewer", "viewer"],
        ["signIn", "admin"],
        ["wrongCode", "viewer"],
        ["outage", "admin"],
        ["approver", "approver"],
        ["operator", "breakglass-operator"],
        ["emergencyOperator", "breakglass-operator"],
      ] as const) {
        const username = `bg.${key.toLowerCase()}.${randomBytes(2).toString("hex")}`;
        const created = await createLocalUser(db, { username, role }, { authSecret: AUTH_SECRET });
        users[key] = { username, password: created.password, totpSecret: created.totpSecret };
      }
      // The reviews spec's own snapshots and campaign first, so the inventory seed's stay the latest.
      const reviews = await seedReviews(db, { authSecret: AUTH_SECRET });
      cleanups.push(reviews.close);
      // One snapshot of the simulated demo organization for the inventory specs.
      const seeded = await seedInventory(db);
      await seedFindings(db, seeded.snapshotId);
    } finally {
      await db.$disconnect();
    }

    const web = spawn(
      process.execPath,
      // The production web server (Next behind Vigil's client-address resolution), as `vigil serve` runs it.
      [path.resolve("bin/vigil-web.mjs"), "--port", String(appPort), "--hostname", "127.0.0.1"],
      {
        stdio: ["ignore", "pipe", "pipe"],
        env: {
          ...process.env,
          NODE_ENV: "production",
          DATABASE_URL: databaseUrl,
          VIGIL_DATA_DIR: path.resolve(".vigil-e2e", "data"),
          VIGIL_BASE_URL: baseUrl,
          VIGIL_AUTH_SECRET: AUTH_SECRET,
          OIDC_ISSUER: oidcIssuer,
          OIDC_CLIENT_ID: CLIENT_ID,
          OIDC_CLIENT_SECRET: clientSecret,
          OIDC_ROLE_MAP: "vigil-admins=admin,vigil-viewers=viewer",
          OIDC_PROVIDER_NAME: "Test IdP",
          // Every browser in the run signs in from 127.0.0.1.
          VIGIL_LOGIN_RATE_LIMIT: "1000",
          LOG_LEVEL: "warn",
        },
      },
    );
    const webLog: string[] = [];
    const remember = (chunk: Buffer) => webLog.push(chunk.toString());
    web.stdout?.on("data", remember);
    web.stderr?.on("data", remember);
    cleanups.push(() => stop(web));
    await waitForHttp(`${baseUrl}/login`, 60_000).catch((error: unknown) => {
      throw new Error(`${String(error)}\n--- web server output ---\n${webLog.join("").slice(-4000)}`);
    });

    const state: E2eState = { baseUrl, databaseUrl, oidcIssuer, oidcPid: idp.pid!, users, ssoUsers };
    mkdirSync(path.dirname(STATE_FILE), { recursive: true });
    rmSync(TOTP_STEP_DIR, { recursive: true, force: true });
    writeFileSync(STATE_FILE, JSON.stringify(state, null, 2), { mode: 0o600 });
    return teardown;
  } catch (error) {
    await teardown();
    throw error;
  }
}
