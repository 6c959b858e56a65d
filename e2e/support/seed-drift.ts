import { collectOrganization, type AwsConfig } from "../../lib/aws";
import { makeSimAwsConfig } from "../../lib/aws/testing/sim-fixture";
import { ingestCloudTrailForOrganization } from "../../lib/cloudtrail";
import type { PrismaClient } from "../../lib/db";
import type { SimServer } from "../../lib/sim";
import { takeSnapshot } from "../../lib/snapshot";
import { planDemoDrift } from "../../cli/demo-drift";

/** The demo organization's Identity Center region: its SSO Admin and Identity Store events are recorded there. */
const SSO_REGION = "eu-west-1";

/**
 * Drift for the drift e2e spec, as `vigil demo` makes it: after the seeded snapshot, the demo's
 * scripted change (a trust widened, an admin-group member added, a session lengthened) through the
 * simulator's admin API, then a second snapshot and the CloudTrail write events that name who did it.
 * Needs the simulator that took the first snapshot, so the two differ by the change alone.
 */
export async function seedDrift(db: PrismaClient, sim: SimServer): Promise<{ snapshotId: number }> {
  // CloudTrail times are whole seconds: the change must fall in a second after the first snapshot's as-of.
  await new Promise((resolve) => setTimeout(resolve, 1100));
  planDemoDrift(sim).apply();
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const config: AwsConfig = makeSimAwsConfig(sim.url, { ssoRegion: SSO_REGION, cloudTrailRegions: ["us-east-1", SSO_REGION] });
  const snapshot = await takeSnapshot(db, { source: "LIVE", collect: (onProgress) => collectOrganization(config, { onProgress }) });
  if (snapshot.status === "FAILED") throw new Error(`e2e drift snapshot failed: ${snapshot.failure}`);
  const ingest = await ingestCloudTrailForOrganization(db, {
    config,
    settings: { lookbackDays: 1, regions: ["us-east-1", SSO_REGION], breakglassUsers: [], automationUsers: [] },
  });
  if ("skipped" in ingest) throw new Error(`e2e drift CloudTrail ingestion skipped: ${ingest.skipped}`);
  return { snapshotId: snapshot.id };
}
