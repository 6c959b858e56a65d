import { Writable } from "node:stream";
import { recordAudit, type AuditActor } from "../audit";
import type { Db } from "../db";
import {
  exportFileName,
  EXPORT_CONTENT_TYPES,
  tableBatches,
  writeCsv,
  writeJson,
  writeNdjson,
  writePdf,
  writeXlsx,
  type ExportFormat,
  type ExportRow,
} from "../export";
import {
  findReviewRemediations,
  getReviewCampaignOrThrow,
  iterateReviewItems,
  type ReviewCampaignView,
  type ReviewItemView,
} from "../review";
import { CHANGE_COLUMNS, reviewRowColumns } from "./review-export-columns";
import { reviewPdfReport } from "./review-pdf";
import { loadReviewSummary, progressLine, summaryPairs, type ReviewSummary } from "./review-summary";

export const REVIEW_EXPORT_FORMATS = ["csv", "xlsx", "json", "ndjson", "pdf"] as const satisfies readonly ExportFormat[];
export type ReviewExportFormat = (typeof REVIEW_EXPORT_FORMATS)[number];

export type ReviewExportInput = {
  campaignId: number | "latest";
  format: ReviewExportFormat;
  /** CSV only: a UTF-8 byte-order mark first */
  bom?: boolean;
  actor: AuditActor;
  requestId?: string | null;
  clientAddress?: string | null;
  now?: Date;
};

export type PreparedReviewExport = {
  campaign: ReviewCampaignView;
  fileName: string;
  contentType: string;
  /** the `export.created` audit entry this export wrote */
  auditSequence: bigint;
  /** writes the file into `out` (and ends it, unless `end: false`) */
  write: (out: Writable, options?: { end?: boolean }) => Promise<{ rows: number; bytes: number }>;
};

const CHANGE_ORDER = ["new", "removed", "changed"] as const;
const BATCH = 2000;

async function* changedItems(db: Db, campaignId: number): AsyncIterable<ReviewItemView[]> {
  for (const change of CHANGE_ORDER) yield* iterateReviewItems(db, campaignId, { change }, BATCH);
}

async function* pairBatches(pairs: Array<[string, string]>, progress: string[]): AsyncIterable<ExportRow[]> {
  yield pairs;
  if (progress.length > 0) yield [["", ""], ["Progress per reviewer", ""], ...progress.map((line): ExportRow => ["", line])];
}

function jsonHead(summary: ReviewSummary, kind: string) {
  return { kind, campaign: summary.campaign, scope: summary.scope, progress: summary.progress, exportedAt: summary.exportedAt };
}

async function writeReviewFile(db: Db, summary: ReviewSummary, input: ReviewExportInput, out: Writable, options: { end?: boolean }) {
  const { campaign } = summary;
  const items = () => iterateReviewItems(db, campaign.id, {}, BATCH);
  switch (input.format) {
    case "csv":
      return writeCsv(
        out,
        {
          columns: reviewRowColumns(campaign.snapshotId).map((c) => c.header),
          batches: tableBatches(reviewRowColumns(campaign.snapshotId), items()),
          bom: input.bom,
        },
        options,
      );
    case "xlsx": {
      const rowColumns = reviewRowColumns(campaign.snapshotId);
      return writeXlsx(
        out,
        [
          { name: "Rows", columns: rowColumns, batches: tableBatches(rowColumns, items()) },
          {
            name: "Summary",
            columns: [
              { header: "Field", width: 38 },
              { header: "Value", width: 90 },
            ],
            batches: pairBatches(summaryPairs(summary), summary.progress.map(progressLine)),
          },
          {
            name: "Changes since last campaign",
            columns: CHANGE_COLUMNS,
            batches: tableBatches(CHANGE_COLUMNS, changedItems(db, campaign.id)),
          },
        ],
        options,
      );
    }
    case "json":
      return writeJson(out, { head: jsonHead(summary, "vigil.review-export"), arrays: [{ key: "rows", batches: items() }] }, options);
    case "ndjson":
      return writeNdjson(out, { head: jsonHead(summary, "vigil.review-export"), batches: items() }, options);
    case "pdf": {
      const result = await writePdf(out, reviewPdfReport(summary, await findReviewRemediations(db, campaign.id)), options);
      return { rows: 0, bytes: result.bytes };
    }
  }
}

/**
 * A campaign's export, ready to stream: the campaign is read first (an unknown id fails before any
 * byte is sent), the download is recorded in the audit trail (`export.created`) before it is
 * written, and the file's name carries the campaign and its snapshot.
 */
export async function prepareReviewExport(db: Db, input: ReviewExportInput): Promise<PreparedReviewExport> {
  const campaign = await getReviewCampaignOrThrow(db, input.campaignId);
  const exportedAt = input.now ?? new Date();
  const fileName = exportFileName(
    ["vigil-review", campaign.id, "snapshot", campaign.snapshotId, campaign.periodStart.toISOString().slice(0, 10)],
    input.format,
  );
  const recorded = await recordAudit(db, {
    actor: input.actor,
    action: "export.created",
    target: { type: "review_campaign", id: String(campaign.id), label: campaign.name },
    detail: { format: input.format, snapshotId: campaign.snapshotId, rows: campaign.counts.total, fileName, bom: input.bom ?? false },
    requestId: input.requestId,
    clientAddress: input.clientAddress,
  });
  return {
    campaign,
    fileName,
    contentType: EXPORT_CONTENT_TYPES[input.format],
    auditSequence: recorded.sequence,
    write: async (out, options = {}) => writeReviewFile(db, await loadReviewSummary(db, campaign, exportedAt), input, out, options),
  };
}

/** `vigil review export` and the campaign page's downloads: prepare, then write into `out`, in constant memory. */
export async function exportReviewCampaign(
  db: Db,
  input: ReviewExportInput & { out: Writable | WritableStream<Uint8Array>; end?: boolean },
): Promise<{ campaign: ReviewCampaignView; fileName: string; rows: number; bytes: number }> {
  const prepared = await prepareReviewExport(db, input);
  const out = input.out instanceof Writable ? input.out : Writable.fromWeb(input.out);
  const written = await prepared.write(out, { end: input.end });
  return { campaign: prepared.campaign, fileName: prepared.fileName, ...written };
}
