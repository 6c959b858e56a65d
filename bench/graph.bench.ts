/**
 * Graph benchmark: `npm run bench:graph [-- --accounts 2000] [-- --refresh]` (run with V8's old space
 * capped at 768 MB, see package.json).
 * Starts from the `scale:N` state (collected once from the simulator into bench/.cache by a child
 * process, see scale-inventory.ts), then measures in this process: the trust-chain graph, effective
 * access for every person (the people × accounts matrix and every path) and, when lib/findings
 * exports them, the findings rules. Writes bench/results/graph.json.
 */
import { spawn } from "node:child_process";
import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { findAccessPaths, getAccessMatrix, toAccessRows, type AccessSubject } from "../lib/access";
import { nodeId, buildTrustGraph } from "../lib/graph";
import { DEFAULT_FINDING_SETTINGS, runRules, type RuleInput } from "../lib/findings";
import { collectScaleInventory, readScaleInventory } from "./scale-inventory";

const RESULTS_FILE = path.resolve(import.meta.dirname, "results/graph.json");
const BUDGET_SECONDS = 10;
const BUDGET_RSS_BYTES = 1024 ** 3;

interface Args {
  accounts: number;
  refresh: boolean;
  collectOnly: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { accounts: 2000, refresh: false, collectOnly: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === "--accounts") args.accounts = Number(argv[++i]);
    else if (flag === "--refresh") args.refresh = true;
    else if (flag === "--collect-only") args.collectOnly = true;
    else throw new Error(`unknown option ${flag}; use --accounts N, --refresh`);
  }
  if (!Number.isInteger(args.accounts) || args.accounts < 3) throw new Error("--accounts takes a whole number ≥ 3");
  return args;
}

const log = (line: string) => process.stderr.write(`[bench:graph] ${line}\n`);
const round = (n: number) => Math.round(n * 1000) / 1000;

/** The collection runs in its own process so the simulator's memory does not count in the peak RSS here. */
async function collectInChild(accounts: number): Promise<void> {
  const loaderArgs = process.execArgv.filter((arg) => !arg.startsWith("--max-old-space-size"));
  const child = spawn(process.execPath, [...loaderArgs, process.argv[1]!, "--accounts", String(accounts), "--collect-only"], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0) throw new Error(`collecting scale:${accounts} failed (exit ${code})`);
}

async function timed<T>(phases: Record<string, number>, name: string, run: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  const result = await run();
  phases[name] = round((performance.now() - started) / 1000);
  log(`${name}: ${phases[name]} s`);
  return result;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.collectOnly) {
    const seconds = await collectScaleInventory(args.accounts, log);
    log(`collected scale:${args.accounts} in ${round(seconds)} s`);
    return;
  }
  if (args.refresh || !(await readScaleInventory(args.accounts))) await collectInChild(args.accounts);
  const phases: Record<string, number> = {};
  const state = await timed(phases, "loadInventory", async () => {
    const loaded = await readScaleInventory(args.accounts);
    if (!loaded) throw new Error("the cached inventory could not be read");
    return loaded;
  });
  const graph = await timed(phases, "graph", () => buildTrustGraph(state));
  const asOf = new Date(state.stats.finishedAt);
  const access = await timed(phases, "effectiveAccess", () => {
    const context = { snapshotId: 0, asOf, state, graph };
    const matrix = getAccessMatrix(context, { pageSize: 500 });
    let paths = 0;
    let rows = 0;
    let truncated = 0;
    for (const user of state.identityCenter?.users ?? []) {
      const node = graph.nodes.get(nodeId.idcUser(user.userId));
      if (!node) continue;
      const subject: AccessSubject = { kind: "person", node, userName: user.userName, email: user.primaryEmail };
      const found = findAccessPaths(graph, subject);
      paths += found.paths.length;
      rows += toAccessRows(state, found.paths).length;
      if (found.truncated) truncated++;
    }
    return { peopleWithAccess: matrix.total, paths, rows, peopleTruncated: truncated };
  });
  // CloudTrail-fed rules see no events here (no database): they measure the rules' own cost.
  const findings = await timed(phases, "findings", () => {
    const events: RuleInput["events"] = {
      windowStart: new Date(asOf.getTime() - 90 * 86_400_000).toISOString(),
      windowEnd: asOf.toISOString(),
      coverage: new Map(),
      permissionSetUse: [],
      breakglassActivity: [],
      trustPolicyUpdates: new Map(),
    };
    return runRules({ state, graph, events, settings: DEFAULT_FINDING_SETTINGS, baselines: new Map(), asOf });
  });
  const measured = Object.entries(phases).filter(([name]) => name !== "loadInventory");
  const totalSeconds = round(measured.reduce((sum, [, s]) => sum + s, 0));
  const peakRssBytes = process.resourceUsage().maxRSS * 1024;
  const canAssume = graph.edges.filter((e) => e.kind === "CAN_ASSUME");
  const report = {
    generatedAt: new Date().toISOString(),
    machine: {
      node: process.version,
      platform: `${os.platform()} ${os.arch()}`,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? null,
    },
    scenario: `scale:${args.accounts}`,
    inventorySource: "collected once from the simulator (no latency) with lib/aws collectOrganization, cached in bench/.cache",
    budget: { seconds: BUDGET_SECONDS, peakRssBytes: BUDGET_RSS_BYTES },
    // npm run bench:graph caps V8's old space (as a memory-budgeted deployment would): without a cap V8
    // lets garbage pile up to ~1.3 GB before collecting; the live set stays near 500 MB either way.
    nodeFlags: process.execArgv.filter((arg) => arg.startsWith("--max-old-space-size")),
    secondsPerPhase: phases,
    totalSeconds,
    peakRssBytes,
    peakRssMiB: round(peakRssBytes / 1024 ** 2),
    withinBudget: totalSeconds < BUDGET_SECONDS && peakRssBytes < BUDGET_RSS_BYTES,
    graph: {
      nodes: graph.nodes.size,
      edges: graph.edges.length,
      canAssumeEdges: canAssume.length,
      conditionalEdges: canAssume.filter((e) => e.conditional).length,
      evaluations: graph.stats?.evaluations ?? 0,
      cacheHits: graph.stats?.cacheHits ?? 0,
      prefiltered: graph.stats?.prefiltered ?? 0,
      notes: graph.notes.length,
    },
    effectiveAccess: access,
    findings: {
      total: findings.length,
      bySeverity: Object.fromEntries(
        [...new Set(findings.map((f) => f.severity))].map((severity) => [severity, findings.filter((f) => f.severity === severity).length]),
      ),
      note: "runRules over the state and graph with no CloudTrail events (the bench has no database)",
    },
  };
  await writeFile(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(report, null, 2)}\nwritten to ${path.relative(process.cwd(), RESULTS_FILE)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
