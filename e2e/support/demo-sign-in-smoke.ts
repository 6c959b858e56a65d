// Boot-and-sign-in smoke of `vigil demo` under whichever Node runs this file (CI runs it on
// Node 24): starts the demo on a fresh data directory, reads the printed admin credentials, signs
// in through the auth API with password + TOTP, loads the dashboard, then stops the demo with SIGINT.
import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { totpCode } from "../../lib/auth";
import { findFreePort } from "../../lib/db";

const BOOT_TIMEOUT_MS = 10 * 60_000;
const REQUEST_TIMEOUT_MS = 30_000;

const dataDir = mkdtempSync(path.join(tmpdir(), "vigil-smoke-"));
// The embedded Postgres runs as the unprivileged `postgres` user when CI runs as root.
chmodSync(dataDir, 0o755);
const port = await findFreePort();
const { DATABASE_URL: _ignored, ...environment } = process.env;
const demo = spawn(process.execPath, ["bin/vigil.mjs", "demo", "--port", String(port)], {
  env: { ...environment, VIGIL_DATA_DIR: dataDir },
  stdio: ["ignore", "pipe", "inherit"],
});

function fail(message: string): never {
  console.error(`demo smoke (Node ${process.version}): ${message}`);
  demo.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(1);
}

type Printed = { url: string; username: string; password: string; totpSecret: string };

function readBanner(): Promise<Printed> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`no credentials printed within ${BOOT_TIMEOUT_MS / 1000}s`)), BOOT_TIMEOUT_MS);
    demo.once("exit", (code) => reject(new Error(`vigil demo exited early with code ${code}`)));
    demo.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const field = (label: string) => output.match(new RegExp(`^\\s*${label}\\s+(\\S+)\\s*$`, "m"))?.[1];
      const [url, username, password, totpSecret] = ["Console", "Username", "Password", "TOTP secret"].map(field);
      if (url && username && password && totpSecret && output.includes("Ctrl-C")) {
        clearTimeout(timer);
        resolve({ url, username, password, totpSecret });
      }
    });
  });
}

const printed = await readBanner().catch((error: Error) => fail(error.message));
const cookies = new Map<string, string>();
async function call(pathname: string, body?: object): Promise<Response> {
  const response = await fetch(new URL(pathname, printed.url), {
    method: body ? "POST" : "GET",
    headers: {
      origin: printed.url,
      "content-type": "application/json",
      cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join("; "),
    },
    body: body ? JSON.stringify(body) : undefined,
    redirect: "manual",
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  for (const line of response.headers.getSetCookie()) {
    const [pair = ""] = line.split(";");
    const cut = pair.indexOf("=");
    cookies.set(pair.slice(0, cut), pair.slice(cut + 1));
  }
  return response;
}

const password = await call("/api/auth/sign-in/username", { username: printed.username, password: printed.password });
if (!password.ok) fail(`password step answered ${password.status}: ${await password.text()}`);
const totp = await call("/api/auth/two-factor/verify-totp", { code: totpCode(printed.totpSecret) });
if (!totp.ok) fail(`TOTP step answered ${totp.status}: ${await totp.text()}`);
const session = (await (await call("/api/auth/get-session")).json()) as { user?: { username?: string } } | null;
if (session?.user?.username !== printed.username) fail(`no session for ${printed.username} after sign-in`);
const dashboard = await call("/");
if (dashboard.status !== 200) fail(`the dashboard answered ${dashboard.status} when signed in`);

demo.kill("SIGINT");
const code = await new Promise<number | null>((resolve) => demo.once("exit", resolve));
rmSync(dataDir, { recursive: true, force: true });
if (code !== 0) fail(`vigil demo exited with code ${code} after SIGINT`);
console.log(`demo smoke (Node ${process.version}): booted, signed in as ${printed.username}, dashboard 200, stopped cleanly`);
