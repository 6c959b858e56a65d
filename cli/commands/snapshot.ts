import { InvalidArgumentError, type Command } from "commander";
import { awsConfigFromEnv } from "../../lib/aws";
import { takeLiveSnapshot, type SnapshotProgress, type SnapshotResult } from "../../lib/snapshot";
import { withDatabase } from "../with-database";
import { evaluateFindingsStep } from "./findings";

function parseAccountIds(value: string): string[] {
  const ids = value
    .split(",")
    .map((id) => id.trim())
    .filter(Boolean);
  if (ids.length === 0 || ids.some((id) => !/^\d{12}$/.test(id)))
    throw new InvalidArgumentError("must be comma-separated 12-digit account ids");
  return ids;
}

export function registerSnapshotCommands(program: Command): void {
  program
    .command("snapshot")
    .description("take an inventory snapshot of the AWS organization now (inline, not through the job queue)")
    .option("--accounts <ids>", "read IAM only in these accounts (comma-separated); the others are carried over", parseAccountIds)
    .action(async (options: { accounts?: string[] }) => {
      const [result, findings] = await withDatabase(async ({ db }) => {
        const taken = await takeLiveSnapshot(db, {
          config: awsConfigFromEnv(),
          accountIds: options.accounts,
          onProgress: progressReporter(process.stderr),
        });
        return [taken, taken.status === "FAILED" ? null : await evaluateFindingsStep(db, taken.id)] as const;
      });
      process.stdout.write(formatResult(result));
      if (findings) process.stdout.write(`${findings.line}\n`);
      if (result.status === "FAILED" || findings?.failed) process.exitCode = 1;
    });
}

/** A progress bar redrawn in place on a terminal; one line per step otherwise (CI logs, pipes). */
function progressReporter(stream: NodeJS.WriteStream): (event: SnapshotProgress) => void {
  const isTty = Boolean(stream.isTTY);
  let lastLine = "";
  const show = (line: string) => {
    if (isTty) {
      stream.write(`\r\x1b[2K${line.slice(0, (stream.columns || 100) - 1)}`);
    } else if (line !== lastLine) {
      stream.write(`${line}\n`);
    }
    lastLine = line;
  };
  let lastLogged = 0;
  return (event) => {
    switch (event.phase) {
      case "started":
        show(`snapshot ${event.snapshotId}: collecting…`);
        return;
      case "collecting": {
        // Off a terminal, a line per account would flood logs of large organizations: one every 5 s.
        if (!isTty && Date.now() - lastLogged < 5_000 && event.done < event.total) return;
        lastLogged = Date.now();
        show(`${bar(event.done, event.total)} collecting ${event.done}/${event.total} ${event.label}`);
        return;
      }
      case "writing":
        show(`${bar(event.done, event.total)} writing ${event.kind} (${event.done}/${event.total})`);
        return;
      case "finished":
        // The result is printed next; on a terminal just clear the bar.
        if (isTty) stream.write("\r\x1b[2K");
        return;
      default:
        return assertNever(event);
    }
  };
}

function bar(done: number, total: number, width = 24): string {
  const filled = total > 0 ? Math.round((done / total) * width) : 0;
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}]`;
}

function formatResult(result: SnapshotResult): string {
  const lines = [`snapshot ${result.id}: ${result.status} in ${(result.durationMs / 1000).toFixed(1)} s`];
  if (result.failure) lines.push(`  failure: ${result.failure}`);
  const counts = result.counts;
  if (counts) {
    const t = counts.totals;
    lines.push(
      `  entities ${t.seen}, new versions ${t.inserted}, removed ${t.removed}, carried over ${t.carried}, last-use refreshed ${t.refreshed}`,
    );
    const inserted: Record<string, number | undefined> = counts.inserted;
    const perKind = Object.entries(counts.seen)
      .filter(([, seen]) => (seen ?? 0) > 0)
      .map(([kind, seen]) => `${kind} ${seen}${inserted[kind] ? ` (+${inserted[kind]})` : ""}`);
    lines.push(`  ${perKind.join(", ")}`);
  }
  if (result.errors.length > 0) {
    lines.push(`  ${result.errors.length} error(s):`);
    for (const e of result.errors) lines.push(`    ${e.accountId ?? "organization"}  ${e.service}:${e.operation}  ${e.code}  ${e.message}`);
  }
  return `${lines.join("\n")}\n`;
}

function assertNever(value: never): never {
  throw new Error(`unexpected progress event ${JSON.stringify(value)}`);
}
