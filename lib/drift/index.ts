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
