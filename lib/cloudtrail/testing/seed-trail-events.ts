/** Test-only: puts trail events straight into the store, as an ingest would, for tests of readers. */
export { storeTrailEvents as seedTrailEvents } from "../store-trail-events";
