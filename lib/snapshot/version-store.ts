import type { Db } from "../db";
import { activityDigest, activityFieldsOf } from "./activity-fields";
import type { EntityKind } from "./entity-kinds";
import type { EntityData } from "./entity-records";
import type { HashedRecord, OpenVersion } from "./plan-version-changes";

/** Rows per INSERT: big enough to amortise round trips, small enough to keep statements a few MB. */
const INSERT_BATCH_BYTES = 4_000_000;
const CLOSE_BATCH = 20_000;

/**
 * One query per kind; served by the partial unique index on open versions. Loads keys and hashes,
 * plus the few activity fields of kinds that have them, never whole documents.
 */
export async function loadOpenVersions(db: Db, kind: EntityKind): Promise<OpenVersion[]> {
  const fields = activityFieldsOf(kind);
  // Field names come from a constant table (activity-fields.ts), never from input.
  const activity = fields.length ? `jsonb_build_object(${fields.map((f) => `'${f}', data->'${f}'`).join(", ")})` : "NULL::jsonb";
  const rows = await db.$queryRawUnsafe<Array<Omit<OpenVersion, "activityDigest"> & { activity: EntityData | null }>>(
    `SELECT id::text AS id, "naturalKey", "accountId", "contentHash", ${activity} AS activity
       FROM "EntityVersion" WHERE kind = $1::"EntityKind" AND "validTo" IS NULL`,
    kind,
  );
  return rows.map(({ activity: fields, ...row }) => ({ ...row, activityDigest: fields ? activityDigest(kind, fields) : null }));
}

/**
 * Rewrites the data of open versions whose activity fields alone changed. Not a new version, and not
 * undone by a rollback: the values are observations of last use, which stay true whatever the run's fate.
 */
export async function refreshVersions(db: Db, refreshes: ReadonlyArray<{ id: string; record: HashedRecord }>): Promise<number> {
  let refreshed = 0;
  for (let start = 0; start < refreshes.length; start += CLOSE_BATCH) {
    const batch = refreshes.slice(start, start + CLOSE_BATCH).map(({ id, record }) => ({ id, data: record.data }));
    refreshed += await db.$executeRawUnsafe(
      `UPDATE "EntityVersion" v SET data = r.data
         FROM jsonb_to_recordset($1::jsonb) AS r(id bigint, data jsonb)
        WHERE v.id = r.id AND v."validTo" IS NULL`,
      JSON.stringify(batch),
    );
  }
  return refreshed;
}

/** Current data of a few entities of one kind (for carrying unknown fields over). */
export async function loadOpenData(db: Db, kind: EntityKind, naturalKeys: string[]): Promise<Map<string, EntityData>> {
  if (naturalKeys.length === 0) return new Map();
  const rows = await db.$queryRawUnsafe<Array<{ naturalKey: string; data: EntityData }>>(
    `SELECT "naturalKey", data FROM "EntityVersion"
      WHERE kind = $1::"EntityKind" AND "validTo" IS NULL
        AND "naturalKey" IN (SELECT jsonb_array_elements_text($2::jsonb))`,
    kind,
    JSON.stringify(naturalKeys),
  );
  return new Map(rows.map((row) => [row.naturalKey, row.data]));
}

export async function closeVersions(db: Db, snapshotId: number, ids: string[]): Promise<number> {
  let closed = 0;
  for (let start = 0; start < ids.length; start += CLOSE_BATCH) {
    closed += await db.$executeRawUnsafe(
      `UPDATE "EntityVersion" SET "validTo" = $1
        WHERE "validTo" IS NULL AND id IN (SELECT jsonb_array_elements_text($2::jsonb)::bigint)`,
      snapshotId,
      JSON.stringify(ids.slice(start, start + CLOSE_BATCH)),
    );
  }
  return closed;
}

/**
 * Bulk insert through one JSON parameter per batch (jsonb_to_recordset): one round trip per few MB,
 * no 32k bind-parameter ceiling, and the data column receives the JSON exactly as hashed.
 */
export async function insertVersions(db: Db, snapshotId: number, records: readonly HashedRecord[]): Promise<number> {
  let inserted = 0;
  for (const batch of batchesBySize(records)) {
    inserted += await db.$executeRawUnsafe(
      `INSERT INTO "EntityVersion" (kind, "naturalKey", "accountId", "contentHash", data, "validFrom")
       SELECT r.kind::"EntityKind", r."naturalKey", r."accountId", r."contentHash", r.data, $1
         FROM jsonb_to_recordset($2::jsonb)
           AS r(kind text, "naturalKey" text, "accountId" text, "contentHash" text, data jsonb)`,
      snapshotId,
      `[${batch.join(",")}]`,
    );
  }
  return inserted;
}

function* batchesBySize(records: readonly HashedRecord[]): Generator<string[]> {
  let batch: string[] = [];
  let bytes = 0;
  for (const record of records) {
    const json = JSON.stringify({
      kind: record.kind,
      naturalKey: record.naturalKey,
      accountId: record.accountId,
      contentHash: record.contentHash,
      data: record.data,
    });
    if (batch.length > 0 && bytes + json.length > INSERT_BATCH_BYTES) {
      yield batch;
      batch = [];
      bytes = 0;
    }
    batch.push(json);
    bytes += json.length;
  }
  if (batch.length > 0) yield batch;
}
