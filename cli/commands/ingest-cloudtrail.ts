import { InvalidArgumentError, type Command } from "commander";
import { awsConfigFromEnv } from "../../lib/aws";
import {
  ingestCloudTrailForOrganization,
  ingestCloudTrailLogDirectory,
  type IngestProblem,
  type IngestProgress,
} from "../../lib/cloudtrail";
import { withDatabase } from "../with-database";

export function parseIsoDate(value: string): Date {
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime()))
    throw new InvalidArgumentError("must be an ISO-8601 date or time, e.g. 2026-08-01T00:00:00Z");
  return date;
}

/** Redrawn in place on a terminal; one line every few seconds otherwise (CI logs, pipes). */
function progressBar(stream: NodeJS.WriteStream): { update(p: IngestProgress): void; done(): void } {
  const isTty = Boolean(stream.isTTY);
  let lastLogged = 0;
  let events = 0;
  return {
    update(p) {
      events += p.eventsNew;
      const width = 24;
      const filled = p.total > 0 ? Math.round((p.done / p.total) * width) : width;
      const line = `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${p.done}/${p.total} ${p.accountId} ${p.region} · ${events} new events`;
      if (isTty) stream.write(`\r\x1b[2K${line.slice(0, (stream.columns || 100) - 1)}`);
      else if (Date.now() - lastLogged >= 5_000 || p.done === p.total) {
        lastLogged = Date.now();
        stream.write(`${line}\n`);
      }
    },
    done() {
      if (isTty) stream.write("\r\x1b[2K");
    },
  };
}

function formatProblems(errors: IngestProblem[]): string[] {
  return errors.slice(0, 20).map((e) => `  ${[e.accountId, e.region, e.file].filter(Boolean).join(" ")}: ${e.code} — ${e.message}`);
}

export function registerIngestCloudTrailCommands(program: Command): void {
  program
    .command("ingest-cloudtrail")
    .description("ingest CloudTrail sign-in and role-assumption events now: LookupEvents from the watermark, or log files from a folder")
    .option("--since <iso>", "read LookupEvents from this time instead of each account's watermark", parseIsoDate)
    .option("--dir <logdir>", "ingest CloudTrail log files (.json/.json.gz, any depth) from this folder instead of calling AWS")
    .action(async (options: { since?: Date; dir?: string }) => {
      if (options.since && options.dir) throw new InvalidArgumentError("--since and --dir cannot be combined");
      await withDatabase(async ({ db }) => {
        if (options.dir) {
          const result = await ingestCloudTrailLogDirectory(db, options.dir, {
            onFile: (file, done) => {
              if (process.stderr.isTTY) process.stderr.write(`\r\x1b[2K${done} file(s) · ${file.slice(-60)}`);
            },
          });
          if (process.stderr.isTTY) process.stderr.write("\r\x1b[2K");
          process.stdout.write(
            [
              `CloudTrail log files: ${result.status}, ${result.files} file(s), ${result.eventsSeen} event(s) kept, ${result.eventsNew} new`,
              ...formatProblems(result.errors),
            ].join("\n") + "\n",
          );
          if (result.status === "FAILED") process.exitCode = 1;
          return;
        }
        const bar = progressBar(process.stderr);
        const result = await ingestCloudTrailForOrganization(db, {
          config: awsConfigFromEnv(),
          since: options.since,
          onProgress: bar.update,
        });
        bar.done();
        if ("skipped" in result) {
          process.stdout.write(`CloudTrail ingestion skipped: ${result.skipped} (run \`vigil snapshot\` first)\n`);
          return;
        }
        process.stdout.write(
          [
            `CloudTrail run ${result.runId}: ${result.status}, ${result.eventsSeen} event(s) read, ${result.eventsNew} new, regions ${result.regions.join(", ")}`,
            ...formatProblems(result.errors),
          ].join("\n") + "\n",
        );
        if (result.status === "FAILED") process.exitCode = 1;
      });
    });
}
