export { getHealth, HEALTH_CHECK_TIMEOUT_MS, unreachableHealth, type Health, type HealthStatus } from "./get-health";
export { getServerHealth } from "./get-server-health";
export { getCachedMigrationStatus } from "./cached-migration-status";
export {
  getWorkerLiveness,
  HEARTBEAT_INTERVAL_MS,
  pruneHeartbeats,
  recordHeartbeat,
  removeHeartbeat,
  WORKER_STALE_AFTER_SECONDS,
  type WorkerIdentity,
  type WorkerLiveness,
} from "./worker-heartbeat";
