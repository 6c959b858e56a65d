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
export { findEntities, FIND_ENTITIES_INPUT, ENTITY_SORTS } from "./find-entities";
export type { EntityRow, EntitySort, FindEntitiesInput } from "./find-entities";
export { getEntityHistory } from "./get-entity-history";
export type { EntityVersionRow } from "./get-entity-history";
export { readSnapshotState } from "./read-snapshot-state";
export { diffSnapshots } from "./diff-snapshots";
export type { ChangedEntity, DiffEntity, KindDiff, SnapshotDiff } from "./diff-snapshots";

// The read rules, each stated once: which snapshot is readable, what was valid as of one, how
// entity fields are named in SQL, how a list is paged, what the run's JSON columns hold.
export { READABLE_STATUSES, isReadableSnapshot, isReadableStatus, whereReadable } from "./readable-snapshot";
export type { ReadableStatus } from "./readable-snapshot";
export { validAsOf } from "./valid-as-of";
export { entityAlias } from "./entity-alias";
export type { EntityAlias } from "./entity-alias";
export type { EntityDataByKind, EntityDataOf } from "./entity-data-by-kind";
export { arrayLength, empty, join, raw, sql, whereAll } from "./sql";
export type { Sql } from "./sql";
export { childrenPattern, containsPattern, escapeLike, prefixPattern } from "./like-pattern";
export { orderBy, queryPage } from "./query-page";
export type { PageQuery } from "./query-page";
export { pageBounds, SORT_DIRECTIONS } from "./page";
export type { Page, PageSort, SortDirection } from "./page";
export { parseSnapshotJson, SNAPSHOT_COUNTS, SNAPSHOT_COVERAGE, SNAPSHOT_STATS } from "./snapshot-run-json";
export type { SnapshotCounts, SnapshotCoverage, SnapshotStats } from "./snapshot-run-json";

// Shared vocabulary
export { ENTITY_KINDS, SINGLETON_KEYS, isEntityKind } from "./entity-kinds";
export type { EntityKind } from "./entity-kinds";
export type { EntityData } from "./entity-records";
/** An entity's data without the "last used" fields that move with use, not with change. */
export { versionedContent } from "./activity-fields";
export { SnapshotError } from "./snapshot-errors";
export type { FinishedStatus } from "./snapshot-outcome";
