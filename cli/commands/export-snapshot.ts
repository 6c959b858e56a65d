import { InvalidArgumentError, type Command } from "commander";
import { exportSnapshot } from "../../lib/offline";
import { withDatabase } from "../with-database";

function parseSnapshotRef(value: string): number | "latest" {
  if (value === "latest") return "latest";
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('must be a snapshot id or "latest"');
  return Number(value);
}

export function registerExportSnapshotCommands(program: Command): void {
  program
    .command("export-snapshot")
    .description("write a snapshot in the offline layout (AWS CLI output shapes; lib/offline/README.md), with its CloudTrail events")
    .argument("<snapshot>", 'snapshot id, or "latest"', parseSnapshotRef)
    .argument("<dir>", "target directory (created; must be empty)")
    .action(async (ref: number | "latest", dir: string) => {
      const result = await withDatabase(({ db }) => exportSnapshot(db, ref, dir));
      process.stdout.write(
        `snapshot ${result.snapshotId} (as of ${result.asOf.toISOString()}): ${result.files} file(s), ${result.cloudTrailEvents} CloudTrail event(s) → ${dir}\n`,
      );
    });
}
