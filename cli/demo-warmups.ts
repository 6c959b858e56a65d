import { awsConfigFromEnv, resolveAwsConfig } from "../lib/aws";
import type { PrismaClient } from "../lib/db";
import type { Logger } from "../lib/log";
import { takeLiveSnapshot } from "../lib/snapshot";
import { defaultCloudTrailRegions, ingestCloudTrailForOrganization } from "../lib/cloudtrail";

export type DemoAwsSettings = {
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
};

export type DemoWarmupContext = {
  db: PrismaClient;
  databaseUrl: string;
  /** The in-process simulator's settings. */
  aws: DemoAwsSettings;
  log: Logger;
};

export type DemoWarmup = {
  /** Shown as "preparing: <label>…" while it runs. */
  label: string;
  run(context: DemoWarmupContext): Promise<void>;
};

/**
 * Work `vigil demo` finishes before it prints the URL, in order, so the console opens on real
 * data. Inventory: append "first snapshot" and "CloudTrail ingestion" here (calling lib/, as the
 * jobs do). The AWS_* environment already points at the simulator when these run.
 */
export const DEMO_WARMUPS: DemoWarmup[] = [
  {
    label: "first inventory snapshot",
    async run({ db, log }) {
      // pointAwsAt has set AWS_* to the simulator: the same settings path as the snapshot job.
      const result = await takeLiveSnapshot(db, { config: awsConfigFromEnv() });
      log.info(
        { snapshotId: result.id, status: result.status, totals: result.counts?.totals, errors: result.errors.length },
        "demo snapshot taken",
      );
    },
  },
  {
    label: "CloudTrail ingestion",
    async run({ db, aws, log }) {
      const result = await ingestCloudTrailForOrganization(db, {
        config: resolveAwsConfig({
          endpoint: aws.endpoint,
          region: aws.region,
          auditRoleName: "VigilAuditRole",
          credentials: async () => ({ accessKeyId: aws.accessKeyId, secretAccessKey: aws.secretAccessKey }),
        }),
        // The demo organization's home (and Identity Center) region is eu-west-1.
        regions: defaultCloudTrailRegions([aws.region, "eu-west-1"]),
      });
      if ("skipped" in result) log.info(result, "demo CloudTrail ingestion skipped");
      else
        log.info(
          { runId: result.runId, status: result.status, eventsNew: result.eventsNew, errors: result.errors.length },
          "demo CloudTrail ingested",
        );
    },
  },
];
