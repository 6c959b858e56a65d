/**
 * lib/review-export: a review campaign as CSV, XLSX (rows, summary, changes since last campaign),
 * JSON, NDJSON or an auditors' PDF summary, streamed in constant memory, naming its campaign and
 * snapshot, and audited.
 */
export {
  exportReviewCampaign,
  prepareReviewExport,
  REVIEW_EXPORT_FORMATS,
  type PreparedReviewExport,
  type ReviewExportFormat,
  type ReviewExportInput,
} from "./export-review-campaign";
export { sessionText } from "./review-export-text";
