// The audit trail's public API: one hash-chained, append-only record of who did what in Vigil.
export { recordAudit, recordAuditBatch, type AuditEntryInput, type RecordedAuditEntry } from "./record-audit";
export { SYSTEM_ACTOR, cliActor, userActor, type AuditActor } from "./audit-actor";
export { AuditDetailError, REDACTED, cleanAuditDetail, isSecretKey, redactSecrets, type AuditDetailInput } from "./audit-detail";
export { GENESIS_HASH, canonicalEntry, hashEntry, type HashedFields } from "./audit-hash";
export { canonicalJson, type JsonValue } from "./canonical-json";
export { getAuditHead, type AuditRow } from "./audit-row";
export { verifyAuditChain, type AuditChainProblem, type AuditChainReport } from "./verify-audit-chain";
export { AnchorWebhookError, anchorAuditHead, parseAnchorFile, readAnchorFile, type AnchorTargets, type AuditAnchor } from "./audit-anchor";
export {
  AUDIT_SORTS,
  auditWhere,
  findAuditActions,
  findAuditTargetTypes,
  listAuditEntries,
  streamAuditEntries,
  type AuditFilter,
  type ListAuditEntriesInput,
} from "./list-audit-entries";
export { AUDIT_EXPORT_COLUMNS, detailCell, toAuditExportRow, type AuditExportRow } from "./audit-export";
