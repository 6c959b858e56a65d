import { collectOrganization } from "../../lib/aws";
import { makeSimAwsConfig } from "../../lib/aws/testing/sim-fixture";
import { ingestCloudTrailForOrganization } from "../../lib/cloudtrail";
import type { PrismaClient } from "../../lib/db";
import { startSimServer } from "../../lib/sim";
import { takeSnapshot } from "../../lib/snapshot";
import { seedDrift } from "./seed-drift";

export type SeededInventory = { snapshotId: number; eventsStored: number };

/**
 * Inventory for the inventory e2e specs: a snapshot of the simulated demo organization, taken
 * through the real collectors and snapshot writer, and its CloudTrail sign-ins / role assumptions.
 * Call it from global-setup after migrating the e2e database, before the web server starts.
 */
export async function seedInventory(db: PrismaClient): Promise<SeededInventory> {
  const sim = await startSimServer({ scenario: "demo", port: 0 });
  try {
    const config = makeSimAwsConfig(sim.url);
    const snapshot = await takeSnapshot(db, { source: "LIVE", collect: (onProgress) => collectOrganization(config, { onProgress }) });
    if (snapshot.status === "FAILED") throw new Error(`e2e inventory snapshot failed: ${snapshot.failure}`);
    const ingest = await ingestCloudTrailForOrganization(db, {
      config,
      // The demo's history is generated around real now; stop just short of it so our own calls are not swept in.
      now: new Date(Date.now() - 1000),
      settings: { lookbackDays: 89, regions: null, breakglassUsers: [], automationUsers: [] },
    });
    if ("skipped" in ingest) throw new Error(`e2e CloudTrail ingestion skipped: ${ingest.skipped}`);
    // The drift spec's second snapshot, from this same simulator (e2e/support/seed-drift.ts).
    await seedDrift(db, sim);
    return { snapshotId: snapshot.id, eventsStored: ingest.eventsNew };
  } finally {
    await sim.close();
  }
}
