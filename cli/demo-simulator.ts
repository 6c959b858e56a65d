import { DEMO_SCENARIO, startSimServer, type SimServer } from "../lib/sim";
import { getDemoClockAnchor } from "./demo-clock";
import type { DemoAwsSettings } from "./demo-warmups";

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

/** Starts the AWS simulator in-process with the demo scenario, its clock anchored in the data directory. */
export async function startDemoSimulator(input: StartDemoSimulatorInput): Promise<DemoSimulator> {
  const anchor = getDemoClockAnchor(input.dataDir, input.now);
  const server = await startSimServer({ scenario: "demo", port: input.port, now: anchor });
  // Identity Center (and its CloudTrail: Identity Store, SSO Admin events) lives in the scenario's home region.
  return {
    server,
    aws: { endpoint: server.url, region: "us-east-1", ssoRegion: DEMO_SCENARIO.homeRegion ?? "us-east-1", ...DEMO_CREDENTIALS },
    anchor,
  };
}
