import { awsConfigFromEnv, collectOrganization, type AwsConfig } from "../aws";
import type { PrismaClient } from "../db";
import { takeSnapshot, type SnapshotProgress, type SnapshotResult } from "./take-snapshot";

export interface TakeLiveSnapshotOptions {
  /** where and how to read AWS; the deployment's settings (awsConfigFromEnv) when absent */
  config?: AwsConfig;
  /** collect IAM only for these accounts (the others are carried over); all active accounts when absent */
  accountIds?: readonly string[];
  onProgress?: (event: SnapshotProgress) => void | Promise<void>;
  /** aborts in-flight AWS calls and fails the run (a job's expiry, a worker stopping) */
  signal?: AbortSignal;
}

/** A LIVE snapshot of the organization `config` points at: what the job, the CLI and the demo run. */
export async function takeLiveSnapshot(db: PrismaClient, options: TakeLiveSnapshotOptions): Promise<SnapshotResult> {
  const config = { ...(options.config ?? awsConfigFromEnv()), ...(options.signal ? { signal: options.signal } : {}) };
  return takeSnapshot(db, {
    source: "LIVE",
    collect: (onProgress) => collectOrganization(config, { onProgress, accountIds: options.accountIds }),
    onProgress: options.onProgress,
    signal: options.signal,
  });
}
