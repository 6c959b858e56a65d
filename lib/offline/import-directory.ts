import { stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import {
  ingestCloudTrailLogDirectory,
  readTrailFile,
  TrailFileError,
  type CloudTrailSettings,
  type IngestLogDirectoryResult,
} from "../cloudtrail";
import { walkCloudTrailLogFiles, type CloudTrailFileLimits } from "../aws";
import { LAYOUT } from "./layout";
import type { PrismaClient } from "../db";
import { takeSnapshot, type SnapshotResult } from "../snapshot";
import { ImportValidationError, readImportDirectory, type ImportFiles } from "./read-import-directory";
import { newestDataTime, toOrgInventory, type ImportReport } from "./to-org-inventory";

export interface ImportDirectoryOptions {
  /** the time the data describes (not in the future); else the export manifest's as-of, else the newest time found in the data */
  asOf?: Date;
  /** caps on what one file may hold (defaults: CLOUDTRAIL_FILE_LIMITS, MAX_IMPORT_FILE_BYTES) */
  limits?: Partial<CloudTrailFileLimits> & { maxFileBytes?: number };
  now?: Date;
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
async function validateCloudTrail(
  root: string,
  limits: Partial<CloudTrailFileLimits>,
): Promise<{ problems: string[]; newest: string | null; files: number }> {
  const problems: string[] = [];
  let newest: string | null = null;
  let files = 0;
  const dir = join(root, LAYOUT.cloudTrailDir);
  if (!(await stat(dir).catch(() => null))?.isDirectory()) return { problems, newest, files };
  for await (const file of walkCloudTrailLogFiles(dir)) {
    files++;
    try {
      for await (const { event } of readTrailFile(file, limits)) {
        if (newest === null || event.eventTime > newest) newest = event.eventTime;
      }
    } catch (err) {
      if (!(err instanceof TrailFileError)) throw err;
      problems.push(`${relative(root, file).split(sep).join("/")}: ${err.detail}`);
    }
  }
  return { problems, newest, files };
}

/** A directory with no layout file and no CloudTrail file is a mistake (wrong path?), not an empty organization. */
function assertSomethingToImport(dir: string, files: ImportFiles, cloudTrailFiles: number): void {
  if (files.read.some((path) => path !== LAYOUT.manifest) || cloudTrailFiles > 0) return;
  const ignored = files.ignored.length > 0 ? `; not part of the layout: ${files.ignored.slice(0, 10).join(", ")}` : "";
  throw new ImportValidationError([
    `${dir}: nothing to import (no AWS CLI output of the layout in lib/offline/README.md, no CloudTrail file)${ignored}`,
  ]);
}

/**
 * `vigil import <dir>`: validates the whole directory (see README.md), then writes one IMPORT
 * snapshot from the inventory files and ingests the CloudTrail files. Sections without files are
 * reported and marked not collected, so the snapshot never reads their absence as deletion.
 * Throws ImportValidationError (every problem, file and field named) before writing anything.
 */
export async function importDirectory(db: PrismaClient, dir: string, opts: ImportDirectoryOptions = {}): Promise<ImportDirectoryResult> {
  const progress = opts.onProgress ?? (() => {});
  const now = opts.now ?? new Date();
  if (opts.asOf && opts.asOf > now) throw new ImportValidationError([`--as-of ${opts.asOf.toISOString()} is in the future`]);
  progress("reading and validating files");
  // Both halves are checked before either complaint is raised, so one error lists every problem.
  const files = await readImportDirectory(dir, { maxFileBytes: opts.limits?.maxFileBytes }).catch((err: unknown) => {
    if (err instanceof ImportValidationError) return err;
    throw err;
  });
  const trail = await validateCloudTrail(dir, opts.limits ?? {});
  if (files instanceof ImportValidationError || trail.problems.length > 0) {
    throw new ImportValidationError([...(files instanceof ImportValidationError ? files.problems : []), ...trail.problems]);
  }
  assertSomethingToImport(dir, files, trail.files);
  if (!opts.asOf && files.manifest && new Date(files.manifest.asOf) > now) {
    throw new ImportValidationError([`${LAYOUT.manifest}: asOf ${files.manifest.asOf} is in the future`]);
  }

  const { inventory, report } = toOrgInventory(files);
  const hasInventory = inventory.accounts.length > 0 || inventory.identityCenter !== null || Object.keys(inventory.iamByAccount).length > 0;
  const newest = [newestDataTime(inventory), trail.newest]
    .filter((t): t is string => t !== null)
    .sort()
    .at(-1);
  // An export says what time its snapshot described; that beats any timestamp found inside the data.
  const manifestAsOf = files.manifest ? new Date(files.manifest.asOf) : undefined;
  // A snapshot never describes the future: a data timestamp ahead of the clock (skew, a bad value) is not trusted.
  const newestPast = newest && new Date(newest) <= now ? new Date(newest) : undefined;
  const asOf = opts.asOf ?? manifestAsOf ?? newestPast ?? now;
  if (!opts.asOf && !manifestAsOf && !newestPast) {
    report.notes.push(
      newest
        ? `newest time in the data (${newest}) is in the future: as-of is the import time (pass --as-of)`
        : "no timestamp found in the data: as-of is the import time (pass --as-of)",
    );
  }

  let snapshot: SnapshotResult | null = null;
  if (hasInventory) {
    progress("writing the snapshot");
    snapshot = await takeSnapshot(db, { source: "IMPORT", asOf, collect: async () => inventory });
  } else {
    report.notes.push("no inventory files: no snapshot written");
  }

  let cloudTrail: IngestLogDirectoryResult | null = null;
  if (files.cloudTrailDir && trail.files > 0) {
    progress("ingesting CloudTrail files");
    cloudTrail = await ingestCloudTrailLogDirectory(db, files.cloudTrailDir, { settings: opts.settings, limits: opts.limits });
  }
  return { snapshot, asOf, cloudTrail, report };
}
