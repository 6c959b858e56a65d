import { InvalidArgumentError, type Command } from "commander";
import { cliActor } from "../../lib/audit";
import { openExportFile } from "../../lib/export";
import { exportReviewCampaign, REVIEW_EXPORT_FORMATS, type ReviewExportFormat } from "../../lib/review-export";
import { terminalSafe } from "../terminal-text";
import { withDatabase } from "../with-database";

const BINARY_FORMATS: ReadonlySet<ReviewExportFormat> = new Set(["xlsx", "pdf"]);

function parseCampaign(value: string): number | "latest" {
  if (value === "latest") return value;
  if (!/^\d{1,9}$/.test(value) || Number(value) < 1) throw new InvalidArgumentError("must be a campaign id or latest");
  return Number(value);
}

function parseFormat(value: string): ReviewExportFormat {
  if (!(REVIEW_EXPORT_FORMATS as readonly string[]).includes(value))
    throw new InvalidArgumentError(`must be one of ${REVIEW_EXPORT_FORMATS.join(", ")}`);
  return value as ReviewExportFormat;
}

type Options = { format: ReviewExportFormat; bom?: boolean; output?: string; force?: boolean };

/**
 * `vigil review export`: one campaign as a file for auditors, streamed from the database in
 * constant memory to stdout or to `--output` (never replacing a file without `--force`). Each export
 * is an audit entry with the CLI's actor.
 */
export function registerReviewExportCommand(review: Command): void {
  review
    .command("export")
    .description(
      "export a review campaign (rows, summary, changes since last campaign) as CSV, XLSX, JSON, NDJSON or a PDF summary (audited)",
    )
    .argument("<campaign>", "campaign id, or latest", parseCampaign)
    .option("--format <format>", REVIEW_EXPORT_FORMATS.join(", "), parseFormat, "csv")
    .option("--bom", "CSV: start with a UTF-8 byte-order mark (for spreadsheet programs that guess a legacy code page)")
    .option("--output <file>", "write to this file instead of stdout (mode 0644)")
    .option("--force", "replace an existing --output file")
    .action(async (campaignId: number | "latest", options: Options, command: Command) => {
      if (!options.output && BINARY_FORMATS.has(options.format) && process.stdout.isTTY) {
        return command.error(`error: ${options.format} is binary: pass --output FILE or redirect stdout to a file`, {
          exitCode: 2,
          code: "vigil.usage",
        });
      }
      if (options.bom && options.format !== "csv") {
        return command.error("error: --bom applies to --format csv only", { exitCode: 2, code: "vigil.usage" });
      }
      const file = options.output ? await openExportFile(options.output, { force: options.force }) : null;
      try {
        const result = await withDatabase(({ db }) =>
          exportReviewCampaign(db, {
            campaignId,
            format: options.format,
            bom: options.bom,
            actor: cliActor(),
            out: file?.stream ?? process.stdout,
            end: file !== null,
          }),
        );
        if (!file || !options.output) return;
        await file.commit();
        process.stdout.write(
          `wrote review campaign ${result.campaign.id} (${terminalSafe(result.campaign.name)}, snapshot ${result.campaign.snapshotId}) ` +
            `as ${options.format}: ${result.rows} rows, ${result.bytes} bytes, to ${terminalSafe(options.output)}\n`,
        );
      } catch (error) {
        await file?.abort();
        throw error;
      }
    });
}
