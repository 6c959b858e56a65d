export { ingestCloudTrail, type IngestCloudTrailInput, type IngestCloudTrailResult, type IngestProgress } from "./ingest-cloudtrail";
export { ingestCloudTrailLogDirectory, type IngestLogDirectoryOptions, type IngestLogDirectoryResult } from "./ingest-log-directory";
export {
  findTrailEvents,
  FIND_TRAIL_EVENTS_INPUT,
  type FindTrailEventsInput,
  type TrailEventPage,
  type TrailEventRow,
} from "./find-trail-events";
export {
  getAssumeRoleTimeSeries,
  ASSUME_ROLE_TIME_SERIES_INPUT,
  type AssumeRolePoint,
  type AssumeRoleTimeSeriesInput,
} from "./get-assume-role-time-series";
export { findTrailEventsForExport } from "./find-trail-events-for-export";
export { getCloudTrailSettings, defaultCloudTrailRegions, SIGN_IN_REGIONS, type CloudTrailSettings } from "./cloudtrail-settings";
export { INGESTED_EVENT_NAMES, isAccessChangeEvent, isIngestedTrailEvent, writeEventSourcesFor } from "./event-selection";
export { findChangeEvents, FIND_CHANGE_EVENTS_INPUT, type ChangeEventRow, type FindChangeEventsInput } from "./find-change-events";
export { readTrailFile, TrailFileError } from "./read-trail-file";
export { INGEST_RUN_LEASE_MS, type IngestProblem, type IngestRunStatus } from "./ingest-run";
export { recoverAbandonedIngestRuns, ABANDONED_INGEST_RUN } from "./recover-abandoned-ingest-runs";
export { ingestCloudTrailForOrganization, findIngestTargets, type OrganizationIngestResult } from "./ingest-cloudtrail-for-organization";
export { findHopUses, hopKey, type HopUse, type HopUseQuery, type HopUses } from "./find-hop-uses";
export { getVigilIdentity, isVigilOwnCall, notVigilOwnCallsWhere, type VigilIdentity } from "./vigil-own-calls";
export { findEventLinks } from "./find-event-links";
export {
  groupSignInSessions,
  FEDERATE_TO_SAML_MS,
  type EventLinks,
  type LinkedTrailEvent,
  type SignInSession,
  type TrailEventItem,
} from "./sign-in-sessions";
