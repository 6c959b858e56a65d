import { InvalidArgumentError, type Command } from "commander";
import {
  AccessError,
  awsConfigSettingsFromEnv,
  findAccess,
  getAccessExplanation,
  getAwsConfig,
  type AccessExplanation,
  type AccessPage,
  type AccessRow,
} from "../../lib/access";
import { csvCell } from "../../lib/csv";
import { withDatabase } from "../with-database";
import { terminalSafe, textTable, type TableColumn } from "../terminal-text";

const FORMATS = ["table", "json", "csv", "aws-config"] as const;
type Format = (typeof FORMATS)[number];
const PAGE_SIZE = 10_000;

/** The JSON row of `vigil access`: exactly these keys, in this order. */
const COLUMNS = [
  "principal",
  "accountId",
  "accountName",
  "via",
  "permissionSet",
  "roleArn",
  "effectiveSessionSeconds",
  "cappedByChaining",
  "conditional",
  "conditions",
  "lastUsedAt",
] as const satisfies ReadonlyArray<keyof AccessRow>;

function exportRow(row: AccessRow): Pick<AccessRow, (typeof COLUMNS)[number]> {
  return Object.fromEntries(COLUMNS.map((column) => [column, row[column]])) as Pick<AccessRow, (typeof COLUMNS)[number]>;
}

function parseFormat(value: string): Format {
  if (!(FORMATS as readonly string[]).includes(value)) throw new InvalidArgumentError(`--format must be one of ${FORMATS.join(", ")}`);
  return value as Format;
}

function parseAccountId(value: string): string {
  if (!/^\d{12}$/.test(value)) throw new InvalidArgumentError("must be a 12-digit account id");
  return value;
}

function parsePositiveInt(value: string): number {
  if (!/^\d{1,9}$/.test(value) || Number(value) < 1) throw new InvalidArgumentError("must be a positive integer");
  return Number(value);
}

const viaText = (row: AccessRow) => row.via.map((hop) => hop.label).join(" > ");

function csv(rows: readonly AccessRow[]): string {
  const header = COLUMNS.join(",");
  const lines = rows.map((row) =>
    COLUMNS.map((column) =>
      csvCell(column === "via" ? viaText(row) : column === "conditions" && row.conditions.length === 0 ? "" : row[column]),
    ).join(","),
  );
  return `${[header, ...lines].join("\r\n")}\r\n`;
}

function duration(seconds: number): string {
  return seconds % 3600 === 0 ? `${seconds / 3600}h` : `${Math.round(seconds / 60)}m`;
}

function table(rows: readonly AccessRow[]): string {
  if (rows.length === 0) return "no access\n";
  const columns: Array<TableColumn<AccessRow>> = [
    ["ACCOUNT", (r) => (r.accountName ? `${r.accountName} (${r.accountId})` : r.accountId), 60],
    ["PERMISSION SET", (r) => r.permissionSet ?? "-", 60],
    ["ROLE", (r) => r.roleArn?.split("/").pop() ?? "-", 60],
    ["SESSION", (r) => `${duration(r.effectiveSessionSeconds)}${r.cappedByChaining ? " (capped by role chaining)" : ""}`, 60],
    ["CONDITIONAL", (r) => (r.conditional ? r.conditions.map((c) => c.key).join(", ") || "yes" : "no"), 60],
    ["LAST USED", (r) => r.lastUsedAt ?? "never seen", 60],
    ["VIA", viaText, 200],
  ];
  return textTable(columns, rows);
}

/** What the graph could not decide, on stderr so stdout stays machine-readable. */
function warnings(first: AccessPage): string {
  const lines: string[] = [];
  if (first.truncated) lines.push("vigil access: more paths exist than the cap allows; the list is incomplete");
  const byCode = new Map<string, number>();
  for (const note of first.notes) byCode.set(note.code, (byCode.get(note.code) ?? 0) + 1);
  for (const [code, count] of byCode)
    lines.push(`vigil access: note ${code} ×${count} (${first.notes.find((n) => n.code === code)?.message ?? ""})`);
  return lines.map((l) => `${l}\n`).join("");
}

function explanationText(e: AccessExplanation): string {
  const target = `${e.target.roleName} in ${e.target.accountName ? `${e.target.accountName} (${e.target.accountId})` : e.target.accountId}`;
  const chain = e.chain.map((s) => (s.kind === "MISSING" ? `✗ ${s.label}` : s.label)).join(" > ");
  const lines = [e.reachable ? `${e.subject.label} CAN reach ${target}` : `${e.subject.label} CANNOT reach ${target}`, `chain: ${chain}`];
  if (e.reachable && e.conditions.length > 0)
    lines.push(`holds only when: ${e.conditions.map((c) => `${c.key} ${c.operator} ${c.values.join(", ")}`).join("; ")}`);
  if (e.missing) {
    lines.push(`missing link (${e.missing.code}): ${e.missing.summary}`);
    if (e.missing.fragment) lines.push(`decided by ${e.missing.fragment.source}:`, indent(e.missing.fragment.json));
    lines.push(`fix: ${e.missing.fix.text}`);
    if (e.missing.fix.cli) lines.push(`  aws cli: ${e.missing.fix.cli}`);
    if (e.missing.fix.terraform) lines.push("  terraform:", indent(e.missing.fix.terraform, 4));
  }
  // Names come from the snapshot: control characters are shown, not obeyed.
  return `${lines.join("\n").split("\n").map(terminalSafe).join("\n")}\n`;
}

const indent = (text: string, spaces = 2) =>
  text
    .split("\n")
    .map((line) => `${" ".repeat(spaces)}${line}`)
    .join("\n");

/** A principal or target the snapshot does not know is bad input: exit 2 with the lib's one-line reason. */
async function usageOnAccessError<T>(command: Command, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AccessError) command.error(`vigil access: ${error.message}`, { exitCode: 2, code: `vigil.${error.code}` });
    throw error;
  }
}

export function registerAccessCommands(program: Command): void {
  program
    .command("access")
    .description(
      "who can reach what: every path from a person, group, IAM principal (or into an account), with effective session and last use",
    )
    .requiredOption("--principal <who>", "email, user name, group name or id, 12-digit account id, or IAM role/user ARN")
    .option("--account <id>", "only paths into this account (12 digits)", parseAccountId)
    .option("--snapshot <id>", "read this snapshot (default: the latest readable one)", parsePositiveInt)
    .option(
      "--format <format>",
      "table, json, csv, or aws-config (an AWS CLI v2 config: sso-session, profiles, chained hops)",
      parseFormat,
      "table",
    )
    .option("--explain <roleArn>", "why the principal can or cannot reach this role: the chain and its first missing link (table or json)")
    .action(async function (
      this: Command,
      options: { principal: string; account?: string; snapshot?: number; format: Format; explain?: string },
    ) {
      if (options.explain !== undefined) {
        if (options.format !== "table" && options.format !== "json")
          this.error("vigil access: --explain prints table or json", { exitCode: 2 });
        const targetRoleArn = options.explain;
        const explanation = await withDatabase(({ db }) =>
          usageOnAccessError(this, () =>
            getAccessExplanation(db, { principal: options.principal, targetRoleArn, snapshotId: options.snapshot }),
          ),
        );
        process.stdout.write(options.format === "json" ? `${JSON.stringify(explanation, null, 2)}\n` : explanationText(explanation));
        return;
      }
      if (options.format === "aws-config") {
        if (options.account) this.error("vigil access: --account does not apply to --format aws-config", { exitCode: 2 });
        const file = await withDatabase(({ db }) =>
          usageOnAccessError(this, () =>
            getAwsConfig(db, { principal: options.principal, snapshotId: options.snapshot }, awsConfigSettingsFromEnv()),
          ),
        );
        process.stdout.write(file.text);
        return;
      }
      const { rows, first } = await withDatabase(async ({ db }) => {
        const all: AccessRow[] = [];
        let firstPage: AccessPage | null = null;
        for (let page = 1; ; page++) {
          const result = await findAccess(db, {
            principal: options.principal,
            accountId: options.account,
            snapshotId: options.snapshot,
            page,
            pageSize: PAGE_SIZE,
          });
          firstPage ??= result;
          all.push(...result.rows);
          if (page * PAGE_SIZE >= result.total) return { rows: all, first: firstPage };
        }
      });
      process.stderr.write(warnings(first));
      if (options.format === "json") process.stdout.write(`${JSON.stringify(rows.map(exportRow), null, 2)}\n`);
      else if (options.format === "csv") process.stdout.write(csv(rows));
      else process.stdout.write(table(rows));
    });
}
