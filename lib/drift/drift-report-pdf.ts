import { PassThrough, type Writable } from "node:stream";
import PDFDocument from "pdfkit";
import { pdfText } from "../export";
import { changeActor } from "./drift-report-csv";
import type { DriftReportSummary } from "./drift-report";

/** Rows listed per section in the PDF; the CSV and JSON carry every row. */
const ROWS_PER_SECTION = 200;
const MAX_TEXT = 300;

/** Text Helvetica can draw (lib/export's WinAnsi mapping), cut to a readable length. */
function pdfLine(value: string): string {
  const flat = pdfText(value.replace(/\p{Cc}+/gu, " "));
  return flat.length > MAX_TEXT ? `${flat.slice(0, MAX_TEXT)}…` : flat;
}

const BASIS: Record<DriftReportSummary["basis"], string> = {
  given: "chosen by the reader",
  "previous-campaign": "the previous review campaign's snapshot",
  "previous-week": "the last snapshot at least a week older",
  oldest: "the oldest readable snapshot (none a week older)",
};

/**
 * The report as a PDF summary for the security team: the two snapshots, the counts, then each
 * section's first rows (the CSV has them all). Streams into `out`; resolves when it is written.
 */
export function writeDriftReportPdf(report: DriftReportSummary, out: Writable): Promise<void> {
  const doc = new PDFDocument({
    size: "A4",
    margin: 48,
    info: { Title: `Vigil drift report ${report.from.id}-${report.to.id}`, Author: "Vigil" },
  });
  const done = new Promise<void>((resolve, reject) => {
    out.on("finish", resolve);
    out.on("error", reject);
    doc.on("error", reject);
  });
  doc.pipe(out);
  const heading = (text: string) => doc.moveDown(0.8).font("Helvetica-Bold").fontSize(13).text(pdfLine(text)).font("Helvetica").fontSize(9);
  const line = (text: string) => doc.text(pdfLine(text), { width: doc.page.width - 96 });

  doc.font("Helvetica-Bold").fontSize(18).text("Vigil drift report");
  doc.font("Helvetica").fontSize(10);
  line(`From snapshot #${report.from.id} (${report.from.asOf.toISOString()}, ${report.from.status}) — ${BASIS[report.basis]}`);
  line(`To snapshot #${report.to.id} (${report.to.asOf.toISOString()}, ${report.to.status})`);
  if (report.campaignId !== null) line(`Review campaign #${report.campaignId}`);
  line(`Generated ${report.generatedAt.toISOString()}`);

  const { counts } = report;
  heading("Summary");
  for (const [label, value] of [
    ["New access paths", counts.newPaths],
    ["Removed access paths", counts.removedPaths],
    ["Trust policy changes", counts.trustChanges],
    ["Permission set changes", counts.permissionSetChanges],
    ["Findings opened", counts.findingsOpened],
    ["Findings resolved", counts.findingsResolved],
    ["Entities added / removed / changed", `${counts.entities.added} / ${counts.entities.removed} / ${counts.entities.changed}`],
  ] as const)
    line(`${label}: ${value}`);

  const section = <T>(title: string, rows: readonly T[], render: (row: T) => string[]) => {
    heading(`${title} (${rows.length})`);
    if (rows.length === 0) line("none");
    for (const row of rows.slice(0, ROWS_PER_SECTION))
      for (const [index, text] of render(row).entries()) line(index === 0 ? `• ${text}` : `   ${text}`);
    if (rows.length > ROWS_PER_SECTION) line(`… and ${rows.length - ROWS_PER_SECTION} more (see the CSV export)`);
  };
  const pathLine = (p: DriftReportSummary["access"]["added"][number]) => [
    `${p.displayName ?? p.userName} (${p.email ?? p.userName}) → ${p.accountName ?? p.accountId} (${p.accountId}): ${p.permissionSetName ?? "?"}${p.roleArn ? ` / ${p.roleArn}` : ""}`,
  ];
  section("New access paths", report.access.added, pathLine);
  section("Removed access paths", report.access.removed, pathLine);
  const changeLines = (c: DriftReportSummary["trustChanges"][number]) => [
    `${c.change} ${c.label}${c.accountId ? ` in ${c.accountId}` : ""}: ${c.changes.map((d) => `${d.kind} ${d.path || "(value)"}`).join("; ") || "—"}`,
    ...c.whoChanged.map(
      (e) => `by ${changeActor(e)} at ${e.eventTime.toISOString()} (${e.eventName}${e.success ? "" : `, failed ${e.errorCode ?? ""}`})`,
    ),
  ];
  section("Trust policy changes", report.trustChanges, changeLines);
  section("Permission set changes", report.permissionSetChanges, changeLines);
  const findingLine = (f: DriftReportSummary["findings"]["opened"][number]) => [
    `#${f.findingId} ${f.severity.toUpperCase()} ${f.rule}: ${f.title} (${f.change} ${f.at.toISOString()})`,
  ];
  section("Findings opened", report.findings.opened, findingLine);
  section("Findings resolved", report.findings.resolved, findingLine);
  doc.end();
  return done;
}

/** The PDF in memory (a report is a summary: its sections are capped). */
export async function driftReportPdf(report: DriftReportSummary): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on("data", (chunk: Buffer) => chunks.push(chunk));
  await writeDriftReportPdf(report, sink);
  return Buffer.concat(chunks);
}
