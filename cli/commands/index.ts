import type { Command } from "commander";
import { registerAccessCommands } from "./access";
import { registerAuditCommands } from "./audit";
import { registerBreakglassCommands } from "./breakglass";
import { registerDemoCommands } from "./demo";
import { registerDriftCommands } from "./drift";
import { registerExportSnapshotCommands } from "./export-snapshot";
import { registerFindingsCommands } from "./findings";
import { registerImportCommands } from "./import";
import { registerIngestCloudTrailCommands } from "./ingest-cloudtrail";
import { registerMigrateCommands } from "./migrate";
import { registerReviewCommands } from "./review";
import { registerReviewExportCommand } from "./review-export";
import { registerServeCommands } from "./serve";
import { registerSimCommands } from "./sim";
import { registerSnapshotCommands } from "./snapshot";
import { registerWorkerCommands } from "./worker";
import { registerUserCommands } from "./user";
import { registerVaultCommands } from "./vault";

/** Every CLI command group, registered in the order `vigil --help` lists them. */
export function registerCommands(program: Command): void {
  registerMigrateCommands(program);
  registerServeCommands(program);
  registerWorkerCommands(program);
  registerDemoCommands(program);
  registerSnapshotCommands(program);
  registerIngestCloudTrailCommands(program);
  registerImportCommands(program);
  registerExportSnapshotCommands(program);
  registerFindingsCommands(program);
  registerAccessCommands(program);
  registerDriftCommands(program);
  registerReviewExportCommand(registerReviewCommands(program));
  registerUserCommands(program);
  registerBreakglassCommands(program);
  registerVaultCommands(program);
  registerAuditCommands(program);
  registerSimCommands(program);
}
