import { InvalidArgumentError, type Command } from "commander";
import { importDirectory } from "../../lib/offline";
import { withDatabase } from "../with-database";
import { evaluateFindingsStep } from "./findings";
import { parseIsoDate } from "./ingest-cloudtrail";

/** A snapshot describes a time that has happened: an as-of in the future would outrank every live snapshot. */
function parsePastIsoDate(value: string): Date {
  const date = parseIsoDate(value);
  if (date > new Date()) throw new InvalidArgumentError(`${value} is in the future`);
  return date;
}

export function registerImportCommands(program: Command): void {
  program
    .command("import")
    .description("import an offline directory of AWS CLI outputs (layout: lib/offline/README.md) as a snapshot, plus its CloudTrail files")
    .argument("<dir>", "the directory to import")
    .option(
      "--as-of <iso>",
      "the time the data describes, not in the future (default: the export's as-of, else the newest time in the data)",
      parsePastIsoDate,
    )
    .action(async (dir: string, options: { asOf?: Date }) => {
      const [result, findings] = await withDatabase(async ({ db }) => {
        const imported = await importDirectory(db, dir, {
          asOf: options.asOf,
          onProgress: (message) => process.stderr.write(`${message}…\n`),
        });
        const snapshot = imported.snapshot;
        return [imported, snapshot && snapshot.status !== "FAILED" ? await evaluateFindingsStep(db, snapshot.id) : null] as const;
      });
      const lines: string[] = [];
      if (result.snapshot) {
        lines.push(`snapshot ${result.snapshot.id}: ${result.snapshot.status}, as of ${result.asOf.toISOString()}`);
        if (result.snapshot.failure) lines.push(`  failure: ${result.snapshot.failure}`);
      }
      if (result.cloudTrail)
        lines.push(
          `CloudTrail: ${result.cloudTrail.files} file(s), ${result.cloudTrail.eventsSeen} event(s) kept, ${result.cloudTrail.eventsNew} new`,
        );
      lines.push(`read ${result.report.read.length} file(s)`);
      if (result.report.missing.length) lines.push(`not in the directory (marked not collected): ${result.report.missing.join(", ")}`);
      if (result.report.ignored.length) lines.push(`ignored (not part of the layout): ${result.report.ignored.join(", ")}`);
      for (const note of result.report.notes) lines.push(`note: ${note}`);
      if (findings) lines.push(findings.line);
      process.stdout.write(`${lines.join("\n")}\n`);
      if (result.snapshot?.status === "FAILED" || result.cloudTrail?.status === "FAILED" || findings?.failed) process.exitCode = 1;
    });
}
