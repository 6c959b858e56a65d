export { importDirectory, type ImportDirectoryOptions, type ImportDirectoryResult } from "./import-directory";
export { exportSnapshot, ExportError, EXPORT_CLOUDTRAIL_WINDOW_DAYS, type ExportSnapshotResult } from "./export-snapshot";
export { readImportDirectory, ImportValidationError, type ImportFiles } from "./read-import-directory";
export { toOrgInventory, newestDataTime, type ImportReport } from "./to-org-inventory";
export { writeCredentialReportCsv } from "./credential-report-csv-writer";
export { LAYOUT } from "./layout";
