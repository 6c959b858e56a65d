import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { childProcessEnv } from "../env";

/** The repository root: where next.config.js, app/ and .next/ live. */
export const APP_ROOT = path.resolve(import.meta.dirname, "../..");
const NEXT_BIN = createRequire(import.meta.url).resolve("next/dist/bin/next");
/** The web server entry: Next.js behind the client-address resolution (serve-next.ts). */
export const WEB_SERVER_BIN = path.join(APP_ROOT, "bin", "vigil-web.mjs");

export function hasNextBuild(root = APP_ROOT): boolean {
  return existsSync(path.join(root, ".next", "BUILD_ID"));
}

/** Runs `next build` when no production build exists (first `vigil serve` / `vigil demo` of a clone). */
export async function ensureNextBuild(options: { onBuilding?: () => void } = {}): Promise<void> {
  if (hasNextBuild()) return;
  options.onBuilding?.();
  const child = spawn(process.execPath, [NEXT_BIN, "build"], { cwd: APP_ROOT, stdio: "inherit" });
  const code = await exitCodeOf(child);
  if (code !== 0) throw new Error(`next build failed (exit ${code ?? "signal"}); see its output above`);
}

export type NextServer = {
  url: string;
  /** Resolves with the exit code once the server process ends (for whatever reason). */
  exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
};

/**
 * Starts the production web server (bin/vigil-web.mjs: the Next.js build behind Vigil's client
 * address resolution) as a child process. The child inherits this process's environment, so
 * launchers put DATABASE_URL etc. there (setRuntimeEnv) before calling this.
 */
export function startNextServer(options: { port: number; hostname?: string }): NextServer {
  const args = [WEB_SERVER_BIN, "--port", String(options.port)];
  if (options.hostname) args.push("--hostname", options.hostname);
  const child = spawn(process.execPath, args, {
    cwd: APP_ROOT,
    // What `next start` sets for itself; a custom server must set it before Next loads.
    env: childProcessEnv({ NODE_ENV: "production" }),
    // Its logs (JSON, at LOG_LEVEL) go to our stdout/stderr.
    stdio: ["ignore", "inherit", "inherit"],
  });
  const exited = exitCodeOf(child);
  const host = options.hostname && options.hostname !== "0.0.0.0" ? options.hostname : "localhost";
  return {
    url: `http://${host}:${options.port}`,
    exited,
    stop: (graceMs = 10_000) => stopChild(child, exited, graceMs),
  };
}

/** Polls until the server answers any HTTP response; rejects if it exits or `timeoutMs` passes. */
export async function waitUntilServing(server: NextServer, path = "/api/health", timeoutMs = 120_000): Promise<void> {
  let hasExited = false;
  void server.exited.then(() => (hasExited = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (hasExited) throw new Error("the web server exited while starting");
    try {
      await fetch(new URL(path, server.url), { signal: AbortSignal.timeout(5_000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`the web server did not answer on ${server.url} within ${timeoutMs / 1000}s`);
}

function exitCodeOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => resolve(code));
  });
}

async function stopChild(child: ChildProcess, exited: Promise<unknown>, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  try {
    await exited;
  } finally {
    clearTimeout(timer);
  }
}
