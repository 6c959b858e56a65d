import { writeFile } from "node:fs/promises";
import { InvalidArgumentError, type Command } from "commander";
import { cliActor } from "../../lib/audit";
import {
  buildDriftReport,
  DRIFT_REPORT_FORMATS,
  exportDriftReport,
  parseDriftReportPoint,
  type DriftReportFormat,
  type DriftReportPoint,
} from "../../lib/drift";
import { withDatabase } from "../with-database";

function parsePoint(value: string): DriftReportPoint {
  const point = parseDriftReportPoint(value);
  if (!point) throw new InvalidArgumentError("must be a snapshot id, campaign:<id> or an ISO date (2026-03-01)");
  return point;
}

function parseFormat(value: string): DriftReportFormat {
  if (!(DRIFT_REPORT_FORMATS as readonly string[]).includes(value))
    throw new InvalidArgumentError(`must be one of ${DRIFT_REPORT_FORMATS.join(", ")}`);
  return value as DriftReportFormat;
}

function parseOutput(value: string): string {
  if (value.trim() === "" || value.length > 4096) throw new InvalidArgumentError("must be a file name");
  return value;
}

/** `vigil drift report`: the security team's drift report, on stdout unless --output; audited as an export. */
export function registerDriftReportCommand(drift: Command): void {
  // `vigil drift`'s own --format/--from/--to must not swallow the report's flags after `report`.
  drift.enablePositionalOptions();
  drift
    .command("report")
    .description(
      "what changed in access between two snapshots: new and removed paths, trust and permission-set changes and who made them, findings opened and resolved",
    )
    .option(
      "--since <point>",
      "snapshot id, campaign:<id> or ISO date (default: the previous review campaign's snapshot, else a week back)",
      parsePoint,
    )
    .option("--until <point>", "snapshot id, campaign:<id> or ISO date (default: the latest readable snapshot)", parsePoint)
    .option("--format <format>", DRIFT_REPORT_FORMATS.join(", "), parseFormat, "csv")
    .option("--output <file>", "write to this file instead of stdout", parseOutput)
    .action(async (options: { since?: DriftReportPoint; until?: DriftReportPoint; format: DriftReportFormat; output?: string }) => {
      const file = await withDatabase(async ({ db }) => {
        const report = await buildDriftReport(db, { since: pointText(options.since), until: pointText(options.until) });
        return exportDriftReport(db, { report, format: options.format, actor: cliActor(), destination: options.output ?? "stdout" });
      });
      if (options.output) await writeFile(options.output, file.body);
      else await new Promise<void>((resolve, reject) => process.stdout.write(file.body, (error) => (error ? reject(error) : resolve())));
    });
}

/** Back to the text DRIFT_REPORT_INPUT reads (the flag was checked when parsed, so the error is the flag's). */
function pointText(point: DriftReportPoint | undefined): string | undefined {
  if (!point) return undefined;
  return point.kind === "snapshot" ? String(point.id) : point.kind === "campaign" ? `campaign:${point.id}` : point.at.toISOString();
}
