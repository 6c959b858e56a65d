import { InvalidArgumentError, type Command } from "commander";
import { diffDrift, type DriftItem, type DriftReport, type JsonChange } from "../../lib/drift";
import { terminalSafe as clean } from "../terminal-text";
import { registerDriftReportCommand } from "./drift-report";
import { withDatabase } from "../with-database";

const FORMATS = ["table", "json"] as const;
type Format = (typeof FORMATS)[number];

function parseSnapshotId(value: string): number {
  if (!/^\d{1,9}$/.test(value) || Number(value) < 1) throw new InvalidArgumentError("must be a snapshot id (a positive integer)");
  return Number(value);
}

function parseFormat(value: string): Format {
  if (!(FORMATS as readonly string[]).includes(value)) throw new InvalidArgumentError(`must be one of ${FORMATS.join(", ")}`);
  return value as Format;
}

const MAX_VALUE = 200;
function show(value: unknown): string {
  const text = clean(typeof value === "string" ? value : JSON.stringify(value));
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

function changeLine(change: JsonChange): string {
  const path = clean(change.path) || "(value)";
  switch (change.kind) {
    case "added":
      return `+ ${path}: ${show(change.after)}`;
    case "removed":
      return `- ${path}: ${show(change.before)}`;
    case "changed":
      return `~ ${path}: ${show(change.before)} → ${show(change.after)}`;
  }
}

function itemLines(item: DriftItem): string[] {
  const lines = [`  ${item.change.toUpperCase().padEnd(7)} ${clean(item.label)}  (${clean(item.naturalKey)})`];
  if (item.cosmeticOnly) lines.push("      only cosmetic differences (same meaning to IAM)");
  for (const change of item.changes) lines.push(`      ${changeLine(change)}`);
  for (const event of item.whoChanged) {
    const who = event.identityCenterUser ?? event.actorArn ?? event.actorUserName ?? "unknown caller";
    const outcome = event.success ? "" : ` (failed: ${event.errorCode ?? "error"})`;
    lines.push(
      `      by ${clean(who)} at ${event.eventTime.toISOString()} from ${clean(event.sourceIp ?? "unknown address")}: ${clean(event.eventName)}${outcome}`,
    );
  }
  return lines;
}

export function driftTable(report: DriftReport): string {
  const { from, to, totals } = report;
  const lines = [
    `drift from snapshot ${from.id} (${from.asOf.toISOString()}) to snapshot ${to.id} (${to.asOf.toISOString()}): ${totals.added} added, ${totals.removed} removed, ${totals.changed} changed`,
  ];
  if (report.groups.length === 0) lines.push("no differences");
  for (const group of report.groups) {
    lines.push(
      "",
      group.accountId === null
        ? "organization-wide"
        : `account ${group.accountId}${group.accountName ? ` (${clean(group.accountName)})` : ""}`,
    );
    for (const kind of group.kinds) {
      lines.push(` ${kind.label}`);
      for (const item of kind.items) lines.push(...itemLines(item));
    }
  }
  if (report.whoChangedTruncated) lines.push("", "(who changed it was looked up for the first 500 entities only)");
  return `${lines.join("\n")}\n`;
}

export function registerDriftCommands(program: Command): void {
  const drift = program
    .command("drift")
    .description("what changed between two snapshots (default: the last two), field by field, and who changed it")
    .option("--from <id>", "older snapshot (default: the one before --to)", parseSnapshotId)
    .option("--to <id>", "newer snapshot (default: the latest readable one)", parseSnapshotId)
    .option("--format <format>", "table or json", parseFormat, "table")
    .action(async (options: { from?: number; to?: number; format: Format }) => {
      const report = await withDatabase(({ db }) => diffDrift(db, { fromId: options.from, toId: options.to }));
      process.stdout.write(options.format === "json" ? `${JSON.stringify(report, null, 2)}\n` : driftTable(report));
    });
  registerDriftReportCommand(drift);
}
