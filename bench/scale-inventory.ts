/**
 * The `scale:N` organization as an OrgInventory for benchmarks that start from a snapshot's state:
 * collected once from the simulator (no latency, no rate limits) with the real collectors, then kept
 * as JSON under bench/.cache (gitignored) so later runs skip the collection. `--refresh` collects again.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { collectOrganization, resolveAwsConfig, type OrgInventory } from "../lib/aws";
import { startSimServer } from "../lib/sim";

const CACHE_DIR = path.resolve(import.meta.dirname, ".cache");

export function scaleInventoryFile(accounts: number): string {
  return path.join(CACHE_DIR, `scale-${accounts}-inventory.json`);
}

/** Collects `scale:N` through the simulator and writes the cache file; returns the collection's seconds. */
export async function collectScaleInventory(accounts: number, log: (line: string) => void): Promise<number> {
  const started = performance.now();
  const sim = await startSimServer({ scenario: `scale:${accounts}`, port: 0, now: new Date("2026-11-20T12:00:00Z") });
  try {
    const config = resolveAwsConfig({
      endpoint: sim.url,
      region: "us-east-1",
      // The simulator runs without rate limits here: no need to pace Identity Center at AWS's 20 TPS.
      identityCenterRatePerSecond: 1000,
      credentials: async () => ({ accessKeyId: "AKIAVIGILBENCHGRAPH0", secretAccessKey: "bench" }),
    });
    let lastLog = 0;
    const inventory = await collectOrganization(config, {
      onProgress: (done, total, what) => {
        if (Date.now() - lastLog < 5000) return;
        lastLog = Date.now();
        log(`collecting scale:${accounts}: ${done}/${total} ${what}`);
      },
    });
    await mkdir(CACHE_DIR, { recursive: true });
    await writeFile(scaleInventoryFile(accounts), JSON.stringify(inventory));
  } finally {
    await sim.close();
  }
  return (performance.now() - started) / 1000;
}

export async function readScaleInventory(accounts: number): Promise<OrgInventory | null> {
  try {
    return JSON.parse(await readFile(scaleInventoryFile(accounts), "utf8")) as OrgInventory;
  } catch {
    return null;
  }
}
