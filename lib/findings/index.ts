/**
 * lib/findings: seventeen rules as pure functions over a snapshot (state, trust graph, CloudTrail
 * facts, settings, trust baselines, the break-glass drills), and the findings' lifecycle in Postgres (open, resolved only on
 * complete coverage, reopened, suppressed with expiry). Run after every snapshot and import.
 */
export { evaluateFindings, type EvaluateFindingsOptions, type EvaluateFindingsResult } from "./evaluate-findings";
export { formatEvaluationSummary } from "./format-evaluation-summary";
export { getFindingSettings, DEFAULT_FINDING_SETTINGS, type FindingSettings } from "./findings-settings";
export { RULES } from "./rules";
export { runRules } from "./run-rules";
export { RULE_IDS, SEVERITIES, type FindingCandidate, type Rule, type RuleId, type RuleInput, type Severity } from "./types";
export type { TrustBaseline } from "./trust-baseline";
export {
  listFindings,
  LIST_FINDINGS_INPUT,
  FINDING_SORTS,
  STATUS_FILTERS,
  type FindingRow,
  type FindingSort,
  type ListFindingsInput,
} from "./list-findings";
export { FINDING_STATUSES, type FindingStatus } from "./effective-status";
export { countOpenFindingsBySeverity, getOpenFindingsTrend, type FindingsTrendPoint } from "./finding-summaries";
export { getFinding, type FindingDetail, type FindingHistoryEntry } from "./get-finding";
export { findPrincipalFindings, type PrincipalFindingsQuery } from "./find-principal-findings";
export {
  suppressFindings,
  unsuppressFindings,
  SUPPRESS_FINDINGS_INPUT,
  UNSUPPRESS_FINDINGS_INPUT,
  type SuppressFindingsInput,
  type SuppressionAudit,
  type UnsuppressFindingsInput,
} from "./suppress-findings";
export { FindingError } from "./finding-errors";
export { EXPORT_COLUMNS, findingsCsv, toExportRow, type FindingExportRow } from "./findings-export";
