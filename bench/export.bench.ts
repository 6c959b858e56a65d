/**
 * Export benchmark: `npm run bench:export [-- --sizes 10000,100000] [-- --formats csv,xlsx,pdf] [-- --scale]`.
 * Inserts a synthetic signed-off review campaign per size (rows shaped like startReviewCampaign's,
 * see synthetic-review-campaign.ts) into a fresh database, then exports each (size, format) in its
 * own child process, so each peak RSS is that export's alone (process.resourceUsage().maxRSS).
 * `--scale` also builds the real campaign of the `scale:2000` simulator scenario (inventory cached in
 * bench/.cache by bench:graph's collector) and exports it. Writes bench/results/export.json.
 */
import { spawn } from "node:child_process";
import { rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createWriteStream } from "node:fs";
import { SYSTEM_ACTOR } from "../lib/audit";
import { createDb, startEmbeddedPostgres } from "../lib/db";
import { env } from "../lib/env";
import { startReviewCampaign } from "../lib/review";
import { exportReviewCampaign, REVIEW_EXPORT_FORMATS, type ReviewExportFormat } from "../lib/review-export";
import { takeSnapshot } from "../lib/snapshot";
import { assertLocalDatabase } from "../lib/testing/local-database-guard";
import { createDatabaseFromTemplate, dropDatabase, prepareTemplateDatabase, withDatabaseName } from "../lib/testing/test-databases";
import { readScaleInventory } from "./scale-inventory";
import { insertSyntheticCampaign } from "./synthetic-review-campaign";

const RESULTS_FILE = path.resolve(import.meta.dirname, "results/export.json");
const MAX_RSS_GROWTH = 1.2;
/**
 * The V8 heap of each export's process. Uncapped, V8 lets garbage pile up the longer a process
 * allocates (a 100k-row CSV peaked at 330 MiB of heap of which, after a forced collection, 73 MiB
 * was live, against 67 MiB at 10k rows), so peak RSS measured the collector's laziness, not what
 * the export holds. Capped, the export must fit: it does, at every size, which is the point.
 */
const HEAP_CAP_MIB = 192;
const log = (line: string) => process.stderr.write(`[bench:export] ${line}\n`);
const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
const mibNumber = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
const round = (n: number) => Math.round(n * 1000) / 1000;

type Measure = {
  format: ReviewExportFormat;
  rows: number;
  bytes: number;
  seconds: number;
  peakRssBytes: number;
  rssBeforeExportBytes: number;
  /** the largest V8 heap in use, and memory outside it (Buffers), sampled every 20 ms during the export */
  peakHeapUsedBytes: number;
  peakExternalBytes: number;
};

/** Samples the process's memory while `work` runs. */
async function sampled<T>(work: () => Promise<T>): Promise<{ result: T; heap: number; external: number }> {
  let heap = 0;
  let external = 0;
  const sample = () => {
    const usage = process.memoryUsage();
    heap = Math.max(heap, usage.heapUsed);
    external = Math.max(external, usage.external);
  };
  const timer = setInterval(sample, 20);
  try {
    const result = await work();
    sample();
    return { result, heap, external };
  } finally {
    clearInterval(timer);
  }
}

function parseArgs(argv: string[]) {
  const args = {
    sizes: [10_000, 100_000],
    formats: ["csv", "xlsx", "pdf"] as ReviewExportFormat[],
    scale: false,
    child: null as null | Record<string, string>,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === "--sizes") args.sizes = (argv[++i] ?? "").split(",").map(Number);
    else if (flag === "--formats") args.formats = (argv[++i] ?? "").split(",") as ReviewExportFormat[];
    else if (flag === "--scale") args.scale = true;
    else if (flag === "--child") args.child = { database: argv[++i] ?? "", campaign: argv[++i] ?? "", format: argv[++i] ?? "" };
    else throw new Error(`unknown option ${flag}; use --sizes 10000,100000 --formats csv,xlsx,pdf --scale`);
  }
  if (args.sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error("--sizes takes whole numbers");
  if (args.formats.some((f) => !(REVIEW_EXPORT_FORMATS as readonly string[]).includes(f)))
    throw new Error(`--formats among ${REVIEW_EXPORT_FORMATS.join(",")}`);
  return args;
}

/** In the child: one export to a temporary file; prints its figures as one JSON line. */
async function runChild(database: string, campaignId: number, format: ReviewExportFormat): Promise<void> {
  const db = createDb(database, { maxConnections: 2 });
  const file = path.join(os.tmpdir(), `vigil-bench-export-${process.pid}.${format}`);
  try {
    await db.$queryRaw`SELECT 1`;
    const rssBeforeExportBytes = process.memoryUsage().rss;
    const started = performance.now();
    const { result, heap, external } = await sampled(() =>
      exportReviewCampaign(db, { campaignId, format, actor: SYSTEM_ACTOR, out: createWriteStream(file) }),
    );
    const seconds = (performance.now() - started) / 1000;
    const measure: Measure = {
      format,
      rows: result.rows,
      bytes: (await stat(file)).size,
      seconds: round(seconds),
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
      rssBeforeExportBytes,
      peakHeapUsedBytes: heap,
      peakExternalBytes: external,
    };
    process.stdout.write(`${JSON.stringify(measure)}\n`);
  } finally {
    await rm(file, { force: true });
    await db.$disconnect();
  }
}

async function measureInChild(database: string, campaignId: number, format: ReviewExportFormat): Promise<Measure> {
  const nodeFlags = [
    ...process.execArgv.filter((flag) => !flag.startsWith("--max-old-space-size")),
    `--max-old-space-size=${HEAP_CAP_MIB}`,
  ];
  const child = spawn(process.execPath, [...nodeFlags, process.argv[1]!, "--child", database, String(campaignId), format], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0) throw new Error(`export of campaign ${campaignId} as ${format} failed (exit ${code})`);
  return JSON.parse(out.trim().split("\n").pop() ?? "") as Measure;
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

/** The real campaign builder on scale:2000: snapshot of the cached inventory, then startReviewCampaign. */
async function buildScaleCampaign(
  databaseUrl: string,
): Promise<{ campaignId: number; rows: number; seconds: number } | { skipped: string }> {
  const inventory = await readScaleInventory(2000);
  if (!inventory) return { skipped: "no bench/.cache/scale-2000-inventory.json: run `npm run bench:graph` once to collect it" };
  const db = createDb(databaseUrl, { maxConnections: 4 });
  try {
    const started = performance.now();
    const snapshot = await takeSnapshot(db, { source: "LIVE", collect: async () => inventory });
    const settings = {
      defaultReviewer: "security@example.com",
      owners: { accounts: new Map(), groups: new Map() },
      cron: "0 6 * * 1",
      reminderCron: "0 9 * * *",
      timeZone: "UTC",
    };
    const { campaign } = await startReviewCampaign(db, {
      actor: SYSTEM_ACTOR,
      snapshotId: snapshot.id,
      settings,
      now: new Date("2026-11-25T12:00:00Z"),
    });
    return { campaignId: campaign.id, rows: campaign.counts.total, seconds: round((performance.now() - started) / 1000) };
  } finally {
    await db.$disconnect();
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.child) return runChild(args.child.database!, Number(args.child.campaign), args.child.format as ReviewExportFormat);
  const { serverUrl, stop } = await databaseServer();
  const databaseUrl = await createDatabaseFromTemplate(serverUrl, await prepareTemplateDatabase(serverUrl));
  const synthetic: Array<{ rows: number; insertSeconds: number; exports: Measure[] }> = [];
  let scale: Record<string, unknown> = { skipped: "run with --scale to build the real scale:2000 campaign" };
  try {
    for (const [index, size] of args.sizes.entries()) {
      const db = createDb(databaseUrl, { maxConnections: 2 });
      const started = performance.now();
      const campaignId = await insertSyntheticCampaign(db, size, new Date(Date.UTC(2026, 0, 5 + 7 * index)));
      await db.$disconnect();
      const insertSeconds = round((performance.now() - started) / 1000);
      log(`synthetic campaign ${campaignId}: ${size} rows inserted in ${insertSeconds} s`);
      const exports: Measure[] = [];
      for (const format of args.formats) {
        const measure = await measureInChild(databaseUrl, campaignId, format);
        log(
          `${size} rows as ${format}: ${measure.seconds} s, peak RSS ${mib(measure.peakRssBytes)} MiB ` +
            `(heap ${mib(measure.peakHeapUsedBytes)}, external ${mib(measure.peakExternalBytes)}, before ${mib(measure.rssBeforeExportBytes)}), ${measure.bytes} bytes`,
        );
        exports.push(measure);
      }
      synthetic.push({ rows: size, insertSeconds, exports });
    }
    if (args.scale) {
      const built = await buildScaleCampaign(databaseUrl);
      if ("skipped" in built) scale = built;
      else {
        log(`scale:2000 campaign ${built.campaignId}: ${built.rows} rows built in ${built.seconds} s`);
        const exports: Measure[] = [];
        for (const format of args.formats) exports.push(await measureInChild(databaseUrl, built.campaignId, format));
        scale = { ...built, exports };
      }
    }
  } finally {
    await dropDatabase(serverUrl, databaseUrl);
    await stop();
  }
  const smallest = synthetic[0];
  const largest = synthetic[synthetic.length - 1];
  const memorySlope = args.formats.map((format) => {
    const small = smallest?.exports.find((m) => m.format === format);
    const large = largest?.exports.find((m) => m.format === format);
    const ratio = small && large ? round(large.peakRssBytes / small.peakRssBytes) : null;
    return {
      format,
      smallRows: smallest?.rows,
      largeRows: largest?.rows,
      peakRssRatio: ratio,
      /** peak RSS above the process's start-up RSS (tsx, Prisma, the connection): what the export itself added */
      exportRssMiB:
        small && large
          ? [mibNumber(small.peakRssBytes - small.rssBeforeExportBytes), mibNumber(large.peakRssBytes - large.rssBeforeExportBytes)]
          : null,
      withinBudget: ratio !== null && ratio <= MAX_RSS_GROWTH,
    };
  });
  const report = {
    generatedAt: new Date().toISOString(),
    machine: {
      node: process.version,
      platform: `${os.platform()} ${os.arch()}`,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? null,
    },
    method:
      "each (size, format) exported by a fresh child process to a file; peakRssBytes is that process's maxRSS (process.resourceUsage), " +
      "rssBeforeExportBytes its RSS after start-up (node, tsx, Prisma and the database connection: the baseline, ~270 MiB), " +
      "peakHeapUsedBytes / peakExternalBytes sampled every 20 ms during the export. " +
      `The child's V8 heap is capped at ${HEAP_CAP_MIB} MiB (--max-old-space-size), so the collector runs instead of letting garbage pile up; ` +
      "an export that held its rows would fail at 100k rows under this cap. " +
      "Synthetic campaigns: the first 10,000 rows built one by one (shaped like startReviewCampaign's), larger ones copies of them by one INSERT … SELECT.",
    heapCapMiB: HEAP_CAP_MIB,
    budget: { maxPeakRssGrowth: MAX_RSS_GROWTH },
    synthetic,
    memorySlope,
    withinBudget: memorySlope.every((m) => m.withinBudget),
    scale2000: scale,
  };
  await writeFile(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
  log(`wrote ${RESULTS_FILE}`);
  for (const m of memorySlope)
    log(
      `${m.format}: peak RSS ×${m.peakRssRatio} from ${m.smallRows} to ${m.largeRows} rows (${m.withinBudget ? "within" : "OVER"} budget)`,
    );
}

await main();
