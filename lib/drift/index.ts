/**
 * lib/drift: what changed between two snapshots, field by field (policy documents compared by IAM
 * meaning, not as text), who changed it (CloudTrail write events), and the approved baseline of
 * each role's trust policy.
 */
export { diffJson } from "./diff-json";
export type { JsonChange } from "./diff-json";
export { isPolicyDocument } from "./diff-policy-document";
export { loadTrustBaselines } from "./load-trust-baselines";
export type { TrustBaseline } from "./load-trust-baselines";
export { approveTrustBaseline, APPROVE_TRUST_BASELINE_INPUT, TRUST_BASELINE_APPROVED } from "./approve-trust-baseline";
export type { ApprovedTrustBaseline, ApproveTrustBaselineInput } from "./approve-trust-baseline";
export { DriftError } from "./drift-errors";
export { diffDrift, DIFF_DRIFT_INPUT } from "./diff-drift";
export type { DiffDriftInput, DriftAccountGroup, DriftChangeKind, DriftItem, DriftKindGroup, DriftReport } from "./diff-drift";
export type { ChangeEvent } from "./who-changed";
export type { ReadableSnapshot } from "./readable-snapshot";
export { KIND_LABELS } from "./entity-label";
export type { InventoryTarget } from "./inventory-target";
export { buildDriftReport, DRIFT_REPORT_INPUT } from "./drift-report";
export type { DriftReportChange, DriftReportCounts, DriftReportInput, DriftReportSummary } from "./drift-report";
export { DRIFT_REPORT_POINT, parseDriftReportPoint, resolveDriftReportRange } from "./drift-report-range";
export type { DriftReportBasis, DriftReportPoint, DriftReportRange } from "./drift-report-range";
export type { DriftAccessPath } from "./drift-report-access";
export type { DriftFindingChange } from "./drift-report-findings";
export { changeActor, driftReportCsv, driftReportCsvLines, DRIFT_REPORT_CSV_COLUMNS } from "./drift-report-csv";
export { driftReportPdf, writeDriftReportPdf } from "./drift-report-pdf";
export { DRIFT_REPORT_FORMATS, exportDriftReport, renderDriftReport } from "./drift-report-export";
export type { DriftReportFile, DriftReportFormat } from "./drift-report-export";
export { driftReportPath, sendDriftReport } from "./drift-report-send";
export { findAccessChanges, FIND_ACCESS_CHANGES_INPUT, MAX_CHANGES_SCANNED } from "./find-access-changes";
export type { AccessChange, AccessChangePage, FindAccessChangesInput } from "./find-access-changes";
export { changeCategory, type ChangeCategory } from "./change-category";
