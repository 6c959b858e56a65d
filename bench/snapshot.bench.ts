/**
 * Snapshot benchmark: `npm run bench:snapshot [-- --sizes 100,500 --naive-cap 300]`.
 * For each organization size N it starts the simulator with `scale:N`, 20 ms per call and AWS-like
 * per-operation rate limits, and measures against a fresh database:
 *  1. a first snapshot (lib/aws collectors + lib/snapshot writer),
 *  2. a second snapshot of the unchanged organization (rows written should be ~0),
 *  3. the naive per-role/per-user IAM read of the same organization (bench/naive-collector.ts),
 *     stopped after --naive-cap seconds and extrapolated to all accounts when it did not finish.
 * Results go to bench/results/snapshot.json and a table on stdout.
 */
import { readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { collectOrganization, createClientPool, resolveAwsConfig, type AwsConfig, type CollectionStats } from "../lib/aws";
import { createDb, startEmbeddedPostgres, type PrismaClient } from "../lib/db";
import { env } from "../lib/env";
import { AWS_RATE_LIMITS, startSimServer } from "../lib/sim";
import { takeSnapshot, type SnapshotResult } from "../lib/snapshot";
import { assertLocalDatabase } from "../lib/testing/local-database-guard";
import { createDatabaseFromTemplate, dropDatabase, prepareTemplateDatabase, withDatabaseName } from "../lib/testing/test-databases";
import { collectNaively, type NaiveResult } from "./naive-collector";
import { rateLimitFloor, type FloorBucket } from "./rate-limit-floor";
import { formatTable } from "./format-table";

const LATENCY_MS = 20;
const RESULTS_FILE = path.resolve(import.meta.dirname, "results/snapshot.json");

interface Args {
  sizes: number[];
  naiveCapSeconds: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { sizes: [100, 500, 2000], naiveCapSeconds: 300 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split("=", 2);
    const value = inline ?? argv[++i];
    if (flag === "--sizes")
      args.sizes = (value ?? "")
        .split(",")
        .map(Number)
        .filter((n) => Number.isInteger(n) && n > 0);
    else if (flag === "--naive-cap") args.naiveCapSeconds = Number(value);
    else throw new Error(`unknown option ${flag}; use --sizes 100,500,2000 --naive-cap <seconds>`);
  }
  if (args.sizes.length === 0) throw new Error("--sizes needs at least one positive integer");
  return args;
}

interface RunFigures {
  status: string;
  wallSeconds: number;
  apiCalls: Record<string, number>;
  apiCallsTotal: number;
  /** extra SDK attempts (throttling, 5xx) per service */
  retries: Record<string, number>;
  callsPerAccount: { mean: number; max: number };
  apiCallsByAction: Record<string, number>;
  rateLimitFloorSeconds: number;
  /** the floor with the collector's account concurrency (per-account buckets queue) */
  rateLimitFloorAtConcurrencySeconds: number;
  collectSeconds: number;
  writeSeconds: number;
  rateLimitFloorBuckets: FloorBucket[];
  rowsWritten: number;
  rowsClosed: number;
  entitiesSeen: number;
  dbSizeBytes: number;
  errors: number;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const { serverUrl, stop } = await databaseServer();
  const template = await prepareTemplateDatabase(serverUrl);
  const results = [];
  try {
    for (const accounts of args.sizes) {
      log(`N=${accounts}: starting simulator scale:${accounts}`);
      const sim = await startSimServer({ scenario: `scale:${accounts}`, port: 0, faults: { latencyMs: LATENCY_MS, rateLimits: "aws" } });
      const databaseUrl = await createDatabaseFromTemplate(serverUrl, template);
      const db = createDb(databaseUrl, { maxConnections: 6 });
      try {
        const config = resolveAwsConfig({
          endpoint: sim.url,
          region: "us-east-1",
          credentials: async () => ({ accessKeyId: "AKIAVIGILBENCH000000", secretAccessKey: "bench" }),
        });
        const first = await measureSnapshot(db, config, `N=${accounts} first snapshot`);
        const second = await measureSnapshot(db, config, `N=${accounts} second snapshot`);
        log(`N=${accounts}: naive collector (cap ${args.naiveCapSeconds}s)`);
        const naive = summarizeNaive(
          await collectNaively(createClientPool(config), {
            deadlineMs: args.naiveCapSeconds * 1000,
            accountConcurrency: config.concurrency.accounts,
          }),
          config.concurrency.accounts,
        );
        results.push({ accounts, first, second, naive });
        log(
          `N=${accounts}: first ${first.wallSeconds}s, second ${second.wallSeconds}s (${second.rowsWritten} rows), naive ${naive.wallSecondsAllAccounts}s`,
        );
      } finally {
        await db.$disconnect();
        await dropDatabase(serverUrl, databaseUrl);
        await sim.close();
      }
    }
  } finally {
    await stop();
  }
  const report = {
    generatedAt: new Date().toISOString(),
    machine: {
      node: process.version,
      platform: `${os.platform()} ${os.arch()}`,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? null,
    },
    simulator: { latencyMsPerCall: LATENCY_MS, rateLimits: AWS_RATE_LIMITS },
    notes: [
      "rateLimitFloorSeconds: max over token buckets of calls ÷ rate (buckets run in parallel); IAM buckets are per account.",
      "naive: per-role GetRole+ListRolePolicies+ListAttachedRolePolicies(+GetRolePolicy) and per-user calls; when isCapped, all-account figures are extrapolated linearly from the accounts finished before the cap.",
    ],
    results: await mergeWithEarlierResults(results),
  };
  await writeFile(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`${renderTable(results)}\nwritten to ${path.relative(process.cwd(), RESULTS_FILE)}\n`);
}

/** Sizes not run this time keep their earlier figures, so `--sizes 2000` alone adds to the file. */
async function mergeWithEarlierResults<T extends { accounts: number }>(fresh: T[]): Promise<T[]> {
  const earlier = await readFile(RESULTS_FILE, "utf8")
    .then((text) => (JSON.parse(text) as { results?: T[] }).results ?? [])
    .catch(() => [] as T[]);
  const rerun = new Set(fresh.map((entry) => entry.accounts));
  return [...earlier.filter((entry) => !rerun.has(entry.accounts)), ...fresh].sort((a, b) => a.accounts - b.accounts);
}

async function measureSnapshot(db: PrismaClient, config: AwsConfig, label: string): Promise<RunFigures> {
  const started = Date.now();
  let lastLog = 0;
  const result: SnapshotResult = await takeSnapshot(db, {
    source: "LIVE",
    collect: (onProgress) =>
      collectOrganization(config, {
        onProgress: (done, total, what) => {
          onProgress(done, total, what);
          if (Date.now() - lastLog > 5000) {
            lastLog = Date.now();
            log(`${label}: ${done}/${total} ${what}`);
          }
        },
      }),
  });
  const wallSeconds = round((Date.now() - started) / 1000);
  if (result.status === "FAILED") throw new Error(`${label} FAILED: ${result.failure}`);
  const snapshot = await db.snapshot.findUniqueOrThrow({ where: { id: result.id }, select: { stats: true } });
  const stats = snapshot.stats as unknown as CollectionStats & { collectMs: number; writeMs: number };
  const memberCalls = Object.entries(stats.callsPerAccount)
    .filter(([scope]) => /^\d{12}$/.test(scope))
    .map(([, n]) => n);
  const floor = rateLimitFloor(AWS_RATE_LIMITS, stats);
  return {
    status: result.status,
    wallSeconds,
    apiCalls: stats.apiCalls,
    apiCallsTotal: sum(Object.values(stats.apiCalls)),
    retries: stats.retries ?? {},
    callsPerAccount: { mean: round(sum(memberCalls) / Math.max(1, memberCalls.length)), max: Math.max(0, ...memberCalls) },
    apiCallsByAction: stats.apiCallsByAction,
    rateLimitFloorSeconds: round(floor.seconds),
    rateLimitFloorAtConcurrencySeconds: round(floor.secondsAtConcurrency(config.concurrency.accounts)),
    collectSeconds: round(stats.collectMs / 1000),
    writeSeconds: round(stats.writeMs / 1000),
    rateLimitFloorBuckets: floor.buckets.slice(0, 4).map((b) => ({ ...b, seconds: round(b.seconds) })),
    rowsWritten: result.counts?.totals.inserted ?? 0,
    rowsClosed: result.counts?.totals.closed ?? 0,
    entitiesSeen: result.counts?.totals.seen ?? 0,
    dbSizeBytes: await databaseSize(db),
    errors: result.errors.length,
  };
}

function summarizeNaive(naive: NaiveResult, accountConcurrency: number) {
  const scale = naive.accountsDone > 0 ? naive.accountsTotal / naive.accountsDone : 0;
  const extrapolated = Object.fromEntries(
    Object.entries(naive.apiCallsByAction).map(([action, n]) => [action, action.startsWith("organizations:") ? n : Math.round(n * scale)]),
  );
  const perService: Record<string, number> = {};
  for (const [action, n] of Object.entries(extrapolated)) {
    const service = action.split(":")[0]!;
    perService[service] = (perService[service] ?? 0) + n;
  }
  const memberCalls = Object.entries(naive.callsPerAccount)
    .filter(([scope]) => /^\d{12}$/.test(scope))
    .map(([, n]) => n);
  // Measured calls: a per-account bucket does not grow with more accounts, the queue of accounts does.
  const floor = rateLimitFloor(AWS_RATE_LIMITS, { apiCallsByAction: naive.apiCallsByAction, callsPerAccount: naive.callsPerAccount });
  return {
    accountsDone: naive.accountsDone,
    accountsTotal: naive.accountsTotal,
    isCapped: naive.isCapped,
    wallSecondsMeasured: round(naive.wallSeconds),
    wallSecondsAllAccounts: round(naive.wallSeconds * scale),
    apiCallsAllAccounts: perService,
    apiCallsTotalAllAccounts: sum(Object.values(perService)),
    callsPerAccount: { mean: round(sum(memberCalls) / Math.max(1, memberCalls.length)), max: Math.max(0, ...memberCalls) },
    apiCallsByAction: extrapolated,
    rateLimitFloorSecondsAllAccounts: round(floor.seconds),
    rateLimitFloorAtConcurrencySecondsAllAccounts: round(
      floor.secondsAtConcurrency(accountConcurrency) * (naive.accountsDone > 0 ? scale : 1),
    ),
    errors: naive.errors,
  };
}

type Row = { accounts: number; first: RunFigures; second: RunFigures; naive: ReturnType<typeof summarizeNaive> };

function renderTable(results: Row[]): string {
  const header = [
    "N",
    "run",
    "wall s",
    "collect s",
    "write s",
    "API calls",
    "calls/acct",
    "floor s",
    "floor@conc s",
    "rows written",
    "DB MB",
    "status",
  ];
  const rows: string[][] = [];
  for (const r of results) {
    for (const [name, run] of [
      ["first", r.first],
      ["second", r.second],
    ] as const) {
      rows.push([
        String(r.accounts),
        name,
        String(run.wallSeconds),
        String(run.collectSeconds),
        String(run.writeSeconds),
        String(run.apiCallsTotal),
        String(run.callsPerAccount.mean),
        String(run.rateLimitFloorSeconds),
        String(run.rateLimitFloorAtConcurrencySeconds),
        String(run.rowsWritten),
        (run.dbSizeBytes / 1e6).toFixed(1),
        run.status,
      ]);
    }
    const capped = r.naive.isCapped ? ` (extrapolated from ${r.naive.accountsDone}/${r.naive.accountsTotal})` : "";
    rows.push([
      String(r.accounts),
      "naive (IAM)",
      `${r.naive.wallSecondsAllAccounts}${capped}`,
      "-",
      "-",
      String(r.naive.apiCallsTotalAllAccounts),
      String(r.naive.callsPerAccount.mean),
      String(r.naive.rateLimitFloorSecondsAllAccounts),
      String(r.naive.rateLimitFloorAtConcurrencySecondsAllAccounts),
      "-",
      "-",
      r.naive.isCapped ? "capped" : "done",
    ]);
  }
  return formatTable(header, rows);
}

async function databaseServer(): Promise<{ serverUrl: string; stop: () => Promise<void> }> {
  const configured = env().DATABASE_URL;
  if (configured) {
    assertLocalDatabase(configured);
    return { serverUrl: withDatabaseName(configured, "postgres"), stop: async () => {} };
  }
  const embedded = await startEmbeddedPostgres(path.resolve(".vigil-test"));
  return { serverUrl: withDatabaseName(embedded.url, "postgres"), stop: embedded.stop };
}

async function databaseSize(db: PrismaClient): Promise<number> {
  const rows = await db.$queryRawUnsafe<Array<{ size: bigint }>>("SELECT pg_database_size(current_database()) AS size");
  return Number(rows[0]?.size ?? 0);
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const round = (n: number) => Math.round(n * 10) / 10;
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

await main();
