import { cliActor } from "../../lib/audit";
import { userInfo } from "node:os";
import { InvalidArgumentError, type Command } from "commander";
import type { PrismaClient } from "../../lib/db";
import {
  evaluateFindings,
  findingsCsv,
  formatEvaluationSummary,
  listFindings,
  RULE_IDS,
  SEVERITIES,
  STATUS_FILTERS,
  suppressFindings,
  toExportRow,
  type FindingExportRow,
  type ListFindingsInput,
  type Severity,
} from "../../lib/findings";
import { withDatabase } from "../with-database";
import { textTable, type TableColumn } from "../terminal-text";
import { parseIsoDate } from "./ingest-cloudtrail";

const FORMATS = ["table", "json", "csv"] as const;
type Format = (typeof FORMATS)[number];
const PAGE_SIZE = 5000;

function oneOf<T extends string>(allowed: readonly T[], what: string): (value: string) => T {
  return (value) => {
    if (!(allowed as readonly string[]).includes(value)) throw new InvalidArgumentError(`${what} must be one of ${allowed.join(", ")}`);
    return value as T;
  };
}

function parseSeverities(value: string): Severity[] {
  const parsed = value.split(",").map((s) => s.trim().toLowerCase());
  const bad = parsed.filter((s) => !(SEVERITIES as readonly string[]).includes(s));
  if (bad.length > 0 || parsed.length === 0)
    throw new InvalidArgumentError(`severities must be among ${SEVERITIES.join(", ")} (comma-separated)`);
  return parsed as Severity[];
}

function parsePositiveInt(value: string): number {
  if (!/^\d{1,9}$/.test(value) || Number(value) < 1) throw new InvalidArgumentError("must be a positive integer");
  return Number(value);
}

function parseFutureDate(value: string): Date {
  const date = parseIsoDate(value);
  if (date <= new Date()) throw new InvalidArgumentError(`${value} is not in the future`);
  return date;
}

function parseReason(value: string): string {
  if (value.trim() === "") throw new InvalidArgumentError("must not be empty");
  return value;
}

function table(rows: readonly FindingExportRow[]): string {
  if (rows.length === 0) return "no findings\n";
  const columns: Array<TableColumn<FindingExportRow>> = [
    ["ID", (r) => String(r.id), 40],
    ["SEVERITY", (r) => r.severity, 40],
    ["STATUS", (r) => r.status, 40],
    ["RULE", (r) => r.rule, 40],
    ["ACCOUNT", (r) => r.accountId ?? "-", 40],
    ["TITLE", (r) => r.title, 120],
  ];
  return textTable(columns, rows);
}

/**
 * The findings step of `vigil snapshot` / `vigil import`: its one-line summary, or why it failed (the
 * snapshot itself stays taken; the command then exits 1).
 */
export async function evaluateFindingsStep(db: PrismaClient, snapshotId: number): Promise<{ line: string; failed: boolean }> {
  try {
    return { line: formatEvaluationSummary(await evaluateFindings(db, snapshotId)), failed: false };
  } catch (error) {
    return { line: `findings: evaluation failed: ${error instanceof Error ? error.message : String(error)}`, failed: true };
  }
}

export function registerFindingsCommands(program: Command): void {
  const findings = program
    .command("findings")
    .description("list the findings (open by default) of the rules run after every snapshot and import")
    .option("--snapshot <id>", "only findings present in this snapshot", parsePositiveInt)
    .option("--rule <id>", `one rule: ${RULE_IDS.join(", ")}`, oneOf(RULE_IDS, "--rule"))
    .option("--status <status>", "open (open or reopened), resolved, suppressed or all", oneOf(STATUS_FILTERS, "--status"), "open")
    .option("--severity <list>", `comma-separated: ${SEVERITIES.join(", ")}`, parseSeverities)
    .option("--account <id>", "one account (12 digits)", (value: string) => {
      if (!/^\d{12}$/.test(value)) throw new InvalidArgumentError("must be a 12-digit account id");
      return value;
    })
    .option("--format <format>", "table, json or csv", oneOf(FORMATS, "--format"), "table")
    .action(
      async (options: {
        snapshot?: number;
        rule?: ListFindingsInput["rule"];
        status: (typeof STATUS_FILTERS)[number];
        severity?: Severity[];
        account?: string;
        format: Format;
      }) => {
        const rows = await withDatabase(async ({ db }) => {
          const all: FindingExportRow[] = [];
          for (let page = 1; ; page++) {
            const result = await listFindings(db, {
              snapshotId: options.snapshot,
              rule: options.rule,
              status: options.status,
              severity: options.severity,
              accountId: options.account,
              page,
              pageSize: PAGE_SIZE,
            });
            all.push(...result.rows.map(toExportRow));
            if (page * PAGE_SIZE >= result.total) return all;
          }
        });
        if (options.format === "json") process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        else if (options.format === "csv") process.stdout.write(findingsCsv(rows));
        else process.stdout.write(table(rows));
      },
    );

  findings
    .command("suppress")
    .description("suppress findings until a date, with a reason (they reopen when it passes)")
    .argument("<ids...>", "finding ids", (value: string, previous: number[] = []) => [...previous, parsePositiveInt(value)])
    .requiredOption("--reason <text>", "why (required)", parseReason)
    .requiredOption("--until <iso>", "when the suppression ends (ISO date in the future)", parseFutureDate)
    .option("--by <name>", "who suppresses (default: the operating-system user)")
    .action(async (ids: number[], options: { reason: string; until: Date; by?: string }) => {
      const actor = options.by ?? `cli:${userInfo().username}`;
      const count = await withDatabase(({ db }) =>
        suppressFindings(db, { ids, reason: options.reason, until: options.until, actor }, new Date(), { actor: cliActor() }),
      );
      process.stdout.write(`suppressed ${count} finding(s) until ${options.until.toISOString()}\n`);
    });
}
