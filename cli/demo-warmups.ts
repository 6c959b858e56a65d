import { awsConfigFromEnv, resolveAwsConfig } from "../lib/aws";
import { defaultCloudTrailRegions, ingestCloudTrailForOrganization } from "../lib/cloudtrail";
import type { PrismaClient } from "../lib/db";
import { evaluateFindings } from "../lib/findings";
import type { Logger } from "../lib/log";
import type { SimServer } from "../lib/sim";
import { takeLiveSnapshot } from "../lib/snapshot";
import { findRecordedDemoDrift, planDemoDrift } from "./demo-drift";

export type DemoAwsSettings = {
  endpoint: string;
  region: string;
  /** region of the demo organization's Identity Center instance (its home region) */
  ssoRegion: string;
  accessKeyId: string;
  secretAccessKey: string;
};

export type DemoWarmupContext = {
  db: PrismaClient;
  databaseUrl: string;
  /** The in-process simulator's settings. */
  aws: DemoAwsSettings;
  /** The in-process simulator itself, for its admin API. */
  simulator: SimServer;
  log: Logger;
};

export type DemoWarmup = {
  /** Shown as "preparing: <label>…" while it runs. */
  label: string;
  run(context: DemoWarmupContext): Promise<void>;
};

/** A snapshot, the CloudTrail since the last one, then the findings of that snapshot (they read its events). */
async function snapshotIngestEvaluate({ db, aws, log }: DemoWarmupContext): Promise<void> {
  // pointAwsAt has set AWS_* to the simulator: the same settings path as the snapshot job.
  const snapshot = await takeLiveSnapshot(db, { config: awsConfigFromEnv() });
  log.info(
    { snapshotId: snapshot.id, status: snapshot.status, totals: snapshot.counts?.totals, errors: snapshot.errors.length },
    "demo snapshot taken",
  );
  const ingest = await ingestCloudTrailForOrganization(db, {
    config: resolveAwsConfig({
      endpoint: aws.endpoint,
      region: aws.region,
      ssoRegion: aws.ssoRegion,
      auditRoleName: "VigilAuditRole",
      credentials: async () => ({ accessKeyId: aws.accessKeyId, secretAccessKey: aws.secretAccessKey }),
    }),
    regions: defaultCloudTrailRegions([aws.region, aws.ssoRegion]),
  });
  if ("skipped" in ingest) log.info(ingest, "demo CloudTrail ingestion skipped");
  else
    log.info(
      { runId: ingest.runId, status: ingest.status, eventsNew: ingest.eventsNew, errors: ingest.errors.length },
      "demo CloudTrail ingested",
    );
  if (snapshot.status === "FAILED") return;
  const findings = await evaluateFindings(db, snapshot.id);
  log.info({ snapshotId: snapshot.id, findings }, "demo findings evaluated");
}

/** CloudTrail event times have whole seconds: the change must fall after the baseline snapshot's as-of second. */
async function nextSecond(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 5));
}

/**
 * Work `vigil demo` finishes before it prints the URL, in order, so the console opens on real
 * data: a baseline snapshot with CloudTrail and findings, then a scripted change (demo-drift.ts)
 * and a second snapshot, so the drift page shows it. A restart rebuilds the simulator at the
 * baseline: when the database already holds the change, it is replayed into the simulator before
 * the first snapshot (which then finds nothing changed) and not applied again.
 */
export const DEMO_WARMUPS: DemoWarmup[] = [
  {
    label: "simulated organization as Vigil last saw it",
    async run({ db, simulator, log }) {
      const drift = planDemoDrift(simulator);
      const recorded = await findRecordedDemoDrift(db, drift);
      if (!recorded) return;
      drift.apply(recorded);
      log.info("demo: scripted change replayed into the restarted simulator");
    },
  },
  { label: "inventory snapshot, CloudTrail ingestion and findings", run: snapshotIngestEvaluate },
  {
    label: "scripted change (a trust widened, an admin group joined, a session lengthened) and a second snapshot",
    async run(context) {
      const drift = planDemoDrift(context.simulator);
      if (await findRecordedDemoDrift(context.db, drift)) return;
      await nextSecond();
      drift.apply();
      await snapshotIngestEvaluate(context);
    },
  },
];
