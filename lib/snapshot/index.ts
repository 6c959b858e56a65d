// Writing
export { takeSnapshot } from "./take-snapshot";
export type { CollectProgress, SnapshotProgress, SnapshotResult, TakeSnapshotOptions } from "./take-snapshot";
export { takeLiveSnapshot } from "./take-live-snapshot";
export type { TakeLiveSnapshotOptions } from "./take-live-snapshot";
export { writeInventory } from "./write-inventory";
export type { PerKind, WriteCounts, WriteOptions, WriteProgress } from "./write-inventory";
export { recoverAbandonedSnapshots, ABANDONED_REASON } from "./recover-abandoned-snapshots";
export { DEFAULT_LEASE_MS } from "./snapshot-lease";

// Reading (always as of a COMPLETE or PARTIAL snapshot)
export { getSnapshotOrThrow } from "./get-snapshot";
export type { SnapshotDetail } from "./get-snapshot";
export { getLatestReadableSnapshot } from "./get-latest-readable-snapshot";
export { findEntities, FIND_ENTITIES_INPUT } from "./find-entities";
export type { EntityRow, FindEntitiesInput } from "./find-entities";
export { getEntityHistory } from "./get-entity-history";
export type { EntityVersionRow } from "./get-entity-history";
export { readSnapshotState } from "./read-snapshot-state";
export { diffSnapshots } from "./diff-snapshots";
export type { ChangedEntity, DiffEntity, KindDiff, SnapshotDiff } from "./diff-snapshots";

// Shared vocabulary
export { ENTITY_KINDS, SINGLETON_KEYS, isEntityKind } from "./entity-kinds";
export type { EntityKind } from "./entity-kinds";
export type { EntityData } from "./entity-records";
export { SnapshotError } from "./snapshot-errors";
export type { FinishedStatus } from "./snapshot-outcome";
