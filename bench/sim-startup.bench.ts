/**
 * Simulator start-up benchmark: `npm run bench:sim [-- --accounts 2000]`.
 * Launches `vigil sim serve --scenario scale:N` as a user would (a separate process, through the
 * CLI), measures the time until it prints its URL, then pages ListAccounts to the end with the real
 * SDK client. Writes bench/results/sim-startup.json.
 */
import { spawn } from "node:child_process";
import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { OrganizationsClient, paginateListAccounts } from "@aws-sdk/client-organizations";

const RESULTS_FILE = path.resolve(import.meta.dirname, "results/sim-startup.json");
const BUDGET_SECONDS = 15;
const REPEATS = 3;

function parseAccounts(argv: string[]): number {
  const index = argv.indexOf("--accounts");
  const value = index === -1 ? 2000 : Number(argv[index + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error("--accounts takes a positive whole number");
  return value;
}

type Run = { secondsToUrl: number; listAccountsPages: number; accountsListed: number; secondsToListAll: number };

async function measureOnce(accounts: number): Promise<Run> {
  const started = performance.now();
  const child = spawn(process.execPath, ["bin/vigil.mjs", "sim", "serve", "--scenario", `scale:${accounts}`, "--port", "0"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        const match = /http:\/\/127\.0\.0\.1:\d+/.exec(output);
        if (match) resolve(match[0]);
      });
      child.on("exit", (code) => reject(new Error(`sim serve exited with ${code} before printing its URL`)));
    });
    const secondsToUrl = (performance.now() - started) / 1000;
    const client = new OrganizationsClient({
      endpoint: url,
      region: "us-east-1",
      credentials: { accessKeyId: "AKIAVIGILBENCH000001", secretAccessKey: "bench" },
    });
    const listStarted = performance.now();
    let pages = 0;
    let listed = 0;
    for await (const page of paginateListAccounts({ client }, {})) {
      pages += 1;
      listed += page.Accounts?.length ?? 0;
    }
    return { secondsToUrl, listAccountsPages: pages, accountsListed: listed, secondsToListAll: (performance.now() - listStarted) / 1000 };
  } finally {
    child.kill("SIGTERM");
  }
}

async function main(): Promise<void> {
  const accounts = parseAccounts(process.argv.slice(2));
  const runs: Run[] = [];
  for (let i = 0; i < REPEATS; i += 1) runs.push(await measureOnce(accounts));
  const slowest = Math.max(...runs.map((run) => run.secondsToUrl));
  const report = {
    generatedAt: new Date().toISOString(),
    machine: { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null },
    scenario: `scale:${accounts}`,
    budgetSeconds: BUDGET_SECONDS,
    slowestSecondsToUrl: Number(slowest.toFixed(2)),
    isWithinBudget: slowest < BUDGET_SECONDS,
    runs: runs.map((run) => ({
      ...run,
      secondsToUrl: Number(run.secondsToUrl.toFixed(2)),
      secondsToListAll: Number(run.secondsToListAll.toFixed(2)),
    })),
  };
  await writeFile(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(report, null, 2)}\nwritten to ${path.relative(process.cwd(), RESULTS_FILE)}\n`);
  if (report.runs.some((run) => run.accountsListed !== accounts)) throw new Error("ListAccounts did not return every account");
}

await main();
