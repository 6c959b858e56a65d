import type { OrgInventory } from "../aws";
import type { Db } from "../db";
import { buildTrustGraph, type TrustGraph } from "../graph";
import { getLatestReadableSnapshot, getSnapshotOrThrow, readSnapshotState, SnapshotError } from "../snapshot";

/** A readable snapshot's state and its trust graph: what every access read works on. */
export interface AccessContext {
  snapshotId: number;
  /** the snapshot's as-of time: CloudTrail after it is not counted as use */
  asOf: Date;
  state: OrgInventory;
  graph: TrustGraph;
}

// A readable snapshot never changes, so its graph can be kept (per database); two covers "latest" and one compared.
const KEPT = 2;
const keptByDb = new WeakMap<Db, Map<number, Promise<AccessContext>>>();

/** The access context of a snapshot (the latest readable one when no id is given), built once and kept. */
export async function getAccessContext(db: Db, snapshotId?: number): Promise<AccessContext> {
  const id = snapshotId ?? (await getLatestReadableSnapshot(db))?.id;
  if (id === undefined) throw new SnapshotError("SNAPSHOT_NOT_FOUND", "NOT_FOUND", "no readable snapshot yet; take one first");
  let kept = keptByDb.get(db);
  if (!kept) {
    kept = new Map();
    keptByDb.set(db, kept);
  }
  const cached = kept.get(id);
  if (cached) return cached;
  const building = buildAccessContext(db, id);
  kept.set(id, building);
  building.catch(() => kept.delete(id));
  while (kept.size > KEPT) kept.delete(kept.keys().next().value as number);
  return building;
}

async function buildAccessContext(db: Db, snapshotId: number): Promise<AccessContext> {
  const [snapshot, state] = await Promise.all([getSnapshotOrThrow(db, snapshotId), readSnapshotState(db, snapshotId)]);
  const graph = await buildTrustGraph(state, { snapshotId });
  return { snapshotId, asOf: snapshot.asOf, state, graph };
}
