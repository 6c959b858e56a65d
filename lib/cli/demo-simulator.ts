import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { getDemoClockAnchor } from "./demo-clock";
import type { DemoAwsSettings } from "./demo-warmups";

type SimServer = { url: string; close(): Promise<void> };
type SimModule = { startSimServer(options: { scenario: "demo"; port: number; now: Date }): Promise<SimServer> };

const SIM_ENTRY = path.resolve(import.meta.dirname, "../sim/index.ts");

/** Any key works against the simulator's demo scenario (unknown keys act as the management account). */
const DEMO_CREDENTIALS = { accessKeyId: "AKIAVIGILDEMO0000000", secretAccessKey: "vigil-demo-secret-access-key" };

export type DemoSimulator = { server: SimServer; aws: DemoAwsSettings; anchor: Date };

export type StartDemoSimulatorInput = {
  port: number;
  /** Holds the demo clock (demo-clock.json), so every start rebuilds the same organization. */
  dataDir: string;
  /** This start's real time; becomes the demo clock only on the first start in `dataDir`. */
  now?: Date;
};

/**
 * Starts the AWS simulator in-process with the demo scenario, when lib/sim is present. Imported by
 * path so `vigil demo` still runs (against no AWS) in a checkout where the simulator is absent.
 */
export async function startDemoSimulator(input: StartDemoSimulatorInput): Promise<DemoSimulator | null> {
  if (!existsSync(SIM_ENTRY)) return null;
  const sim = (await import(pathToFileURL(SIM_ENTRY).href)) as Partial<SimModule>;
  if (typeof sim.startSimServer !== "function") {
    throw new Error("lib/sim/index.ts does not export startSimServer({ scenario, port, now })");
  }
  const anchor = getDemoClockAnchor(input.dataDir, input.now);
  const server = await sim.startSimServer({ scenario: "demo", port: input.port, now: anchor });
  return { server, aws: { endpoint: server.url, region: "us-east-1", ...DEMO_CREDENTIALS }, anchor };
}
