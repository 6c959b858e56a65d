import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { DemoAwsSettings } from "./demo-warmups";

type SimServer = { url: string; close(): Promise<void> };
type SimModule = { startSimServer(options: { scenario: "demo"; port: number }): Promise<SimServer> };

const SIM_ENTRY = path.resolve(import.meta.dirname, "../sim/index.ts");

/** Any key works against the simulator's demo scenario (unknown keys act as the management account). */
const DEMO_CREDENTIALS = { accessKeyId: "AKIAVIGILDEMO0000000", secretAccessKey: "vigil-demo-secret-access-key" };

export type DemoSimulator = { server: SimServer; aws: DemoAwsSettings };

/**
 * Starts the AWS simulator in-process with the demo scenario, when lib/sim is present. Imported by
 * path so `vigil demo` still runs (against no AWS) in a checkout where the simulator is absent.
 */
export async function startDemoSimulator(port: number): Promise<DemoSimulator | null> {
  if (!existsSync(SIM_ENTRY)) return null;
  const sim = (await import(pathToFileURL(SIM_ENTRY).href)) as Partial<SimModule>;
  if (typeof sim.startSimServer !== "function") {
    throw new Error("lib/sim/index.ts does not export startSimServer({ scenario, port })");
  }
  const server = await sim.startSimServer({ scenario: "demo", port });
  return { server, aws: { endpoint: server.url, region: "us-east-1", ...DEMO_CREDENTIALS } };
}
