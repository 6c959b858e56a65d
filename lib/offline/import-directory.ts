import { ingestCloudTrailLogDirectory, readTrailFile, type CloudTrailSettings, type IngestLogDirectoryResult } from "../cloudtrail";
import { walkCloudTrailLogFiles } from "../aws";
import type { PrismaClient } from "../db";
import { takeSnapshot, type SnapshotResult } from "../snapshot";
import { ImportValidationError, readImportDirectory } from "./read-import-directory";
import { newestDataTime, toOrgInventory, type ImportReport } from "./to-org-inventory";

export interface ImportDirectoryOptions {
  /** the time the data describes; else the export manifest's as-of, else the newest time found in the data */
  asOf?: Date;
  settings?: CloudTrailSettings;
  onProgress?: (message: string) => void;
}

export interface ImportDirectoryResult {
  /** null when the directory held CloudTrail files only */
  snapshot: SnapshotResult | null;
  asOf: Date;
  cloudTrail: IngestLogDirectoryResult | null;
  report: ImportReport;
}

/** Reads every CloudTrail file once without storing, so a bad file fails the import before anything is written. */
async function validateCloudTrail(dir: string): Promise<{ problems: string[]; newest: string | null }> {
  const problems: string[] = [];
  let newest: string | null = null;
  for await (const file of walkCloudTrailLogFiles(dir)) {
    try {
      for await (const { event } of readTrailFile(file)) {
        if (newest === null || event.eventTime > newest) newest = event.eventTime;
      }
    } catch (err) {
      problems.push(err instanceof Error ? err.message : String(err));
    }
  }
  return { problems, newest };
}

/**
 * `vigil import <dir>`: validates the whole directory (see README.md), then writes one IMPORT
 * snapshot from the inventory files and ingests the CloudTrail files. Sections without files are
 * reported and marked not collected, so the snapshot never reads their absence as deletion.
 * Throws ImportValidationError (every problem, file and field named) before writing anything.
 */
export async function importDirectory(db: PrismaClient, dir: string, opts: ImportDirectoryOptions = {}): Promise<ImportDirectoryResult> {
  const progress = opts.onProgress ?? (() => {});
  progress("reading and validating files");
  const files = await readImportDirectory(dir);
  const trail = files.cloudTrailDir ? await validateCloudTrail(files.cloudTrailDir) : { problems: [], newest: null };
  if (trail.problems.length > 0) throw new ImportValidationError(trail.problems);

  const { inventory, report } = toOrgInventory(files);
  const hasInventory = inventory.accounts.length > 0 || inventory.identityCenter !== null || Object.keys(inventory.iamByAccount).length > 0;
  const newest = [newestDataTime(inventory), trail.newest].filter((t): t is string => t !== null).sort().at(-1);
  // An export says what time its snapshot described; that beats any timestamp found inside the data.
  const manifestAsOf = files.manifest ? new Date(files.manifest.asOf) : undefined;
  const asOf = opts.asOf ?? manifestAsOf ?? (newest ? new Date(newest) : new Date());
  if (!opts.asOf && !manifestAsOf && !newest) report.notes.push("no timestamp found in the data: as-of is the import time (pass --as-of)");

  let snapshot: SnapshotResult | null = null;
  if (hasInventory) {
    progress("writing the snapshot");
    snapshot = await takeSnapshot(db, { source: "IMPORT", asOf, collect: async () => inventory });
  } else {
    report.notes.push("no inventory files: no snapshot written");
  }

  let cloudTrail: IngestLogDirectoryResult | null = null;
  if (files.cloudTrailDir) {
    progress("ingesting CloudTrail files");
    cloudTrail = await ingestCloudTrailLogDirectory(db, files.cloudTrailDir, { settings: opts.settings });
  }
  return { snapshot, asOf, cloudTrail, report };
}
