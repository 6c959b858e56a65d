import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { findFreePort } from "./free-port";

export type StoredCredentials = { user: string; password: string };

/** The pid and port of the postmaster running `clusterDir`, from its postmaster.pid; undefined when none runs. */
export async function findRunningPostmaster(clusterDir: string): Promise<{ pid: number; port: number } | undefined> {
  const lines = await readFile(path.join(clusterDir, "postmaster.pid"), "utf8").then(
    (text) => text.split("\n"),
    () => [],
  );
  // Line 1 is the PID, line 4 the port. A stale file (dead PID) is ignored.
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!pid || !port || !isProcessAlive(pid)) return undefined;
  return { pid, port };
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but run by another user (the `postgres` user, seen from a non-root process).
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * The cluster's port, kept in `<root>/port` so that a process restarting a cluster its owner
 * stopped brings it back where every other process's connection string still points.
 */
export async function choosePort(root: string): Promise<number> {
  const stored = Number(await readFile(path.join(root, "port"), "utf8").catch(() => ""));
  const port = stored && (await isPortFree(stored)) ? stored : await findFreePort();
  if (port !== stored) await rememberPort(root, port);
  return port;
}

export async function rememberPort(root: string, port: number): Promise<void> {
  await writeFile(path.join(root, "port"), `${port}\n`);
}

export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

export async function loadOrCreateCredentials(file: string): Promise<StoredCredentials> {
  if (existsSync(file)) return JSON.parse(await readFile(file, "utf8")) as StoredCredentials;
  const credentials = { user: "vigil", password: randomBytes(24).toString("base64url") };
  await writeFile(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}
