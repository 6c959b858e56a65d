import { recordAudit, type AuditActor } from "../audit";
import type { Db } from "../db";
import type { DriftReportSummary } from "./drift-report";
import { driftReportCsv } from "./drift-report-csv";
import { driftReportPdf } from "./drift-report-pdf";

export const DRIFT_REPORT_FORMATS = ["pdf", "csv", "json"] as const;
export type DriftReportFormat = (typeof DRIFT_REPORT_FORMATS)[number];

export interface DriftReportFile {
  body: Buffer;
  contentType: string;
  filename: string;
}

const CONTENT_TYPES: Record<DriftReportFormat, string> = {
  pdf: "application/pdf",
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
};

/** The report in one format, as bytes. */
export async function renderDriftReport(report: DriftReportSummary, format: DriftReportFormat): Promise<DriftReportFile> {
  const body =
    format === "pdf"
      ? await driftReportPdf(report)
      : Buffer.from(format === "csv" ? driftReportCsv(report) : `${JSON.stringify(report, null, 2)}\n`, "utf8");
  return {
    body,
    contentType: CONTENT_TYPES[format],
    filename: `vigil-drift-report-${report.from.id}-${report.to.id}.${format}`,
  };
}

/**
 * Renders the report and records the export in the audit trail (who, which snapshots, which
 * format, how much). The entry is written before the bytes leave, so a file nobody audited never exists.
 */
export async function exportDriftReport(
  db: Db,
  input: {
    report: DriftReportSummary;
    format: DriftReportFormat;
    actor: AuditActor;
    /** where it went: `download`, `stdout`, a file name, `notification` */
    destination: string;
    requestId?: string | null;
    clientAddress?: string | null;
  },
): Promise<DriftReportFile> {
  const { report, format } = input;
  const file = await renderDriftReport(report, format);
  await recordAudit(db, {
    actor: input.actor,
    action: "export.created",
    target: { type: "drift-report", id: `${report.from.id}-${report.to.id}`, label: `drift report ${report.from.id} → ${report.to.id}` },
    detail: {
      format,
      destination: input.destination.slice(0, 200),
      fromSnapshotId: report.from.id,
      toSnapshotId: report.to.id,
      basis: report.basis,
      campaignId: report.campaignId,
      bytes: file.body.length,
      newPaths: report.counts.newPaths,
      removedPaths: report.counts.removedPaths,
      trustChanges: report.counts.trustChanges,
      permissionSetChanges: report.counts.permissionSetChanges,
      findingsOpened: report.counts.findingsOpened,
      findingsResolved: report.counts.findingsResolved,
    },
    requestId: input.requestId,
    clientAddress: input.clientAddress,
  });
  return file;
}
