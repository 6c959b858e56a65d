import { findAccessPaths, getAccessContext } from "../access";
import type { PrismaClient } from "../db";
import { nodeId } from "../graph";
import { reviewRowKey } from "./row-key";

/**
 * Whether each pending revoke was carried out, as the first complete snapshot after the decision
 * shows it: DONE when the row's path is gone, NOT_DONE when it is still there. Rows decided after the
 * snapshot's time wait for a later one. Idempotent: a row is decided once.
 */
export async function checkRevokes(db: PrismaClient, snapshotId: number): Promise<{ checked: number; done: number; notDone: number }> {
  const snapshot = await db.snapshot.findUnique({ where: { id: snapshotId }, select: { status: true, asOf: true } });
  if (!snapshot || snapshot.status !== "COMPLETE") return { checked: 0, done: 0, notDone: 0 };
  const pending = await db.reviewItem.findMany({
    where: { decision: "REVOKE", revokeState: "PENDING", decidedAt: { lt: snapshot.asOf }, decisionPrefilled: false },
    select: { id: true, rowKey: true, personKey: true },
  });
  if (pending.length === 0) return { checked: 0, done: 0, notDone: 0 };
  const { graph } = await getAccessContext(db, snapshotId);
  const keysOf = new Map<string, Set<string>>();
  const currentKeys = (personKey: string): Set<string> => {
    let keys = keysOf.get(personKey);
    if (keys) return keys;
    keys = new Set();
    const node = graph.nodes.get(
      personKey.startsWith("idc:") ? nodeId.idcUser(personKey.slice(personKey.lastIndexOf("/") + 1)) : personKey,
    );
    if (node) {
      if (node.kind === "IAM_USER" && node.accountId) keys.add(reviewRowKey(personKey, node.accountId, []));
      for (const path of findAccessPaths(graph, { kind: "iam-principal", node }, { maxPaths: 20_000 }).paths)
        keys.add(
          reviewRowKey(
            personKey,
            path.accountId,
            path.hops.slice(1).map((hop) => hop.id),
          ),
        );
    }
    keysOf.set(personKey, keys);
    return keys;
  };
  const done: number[] = [];
  const notDone: number[] = [];
  for (const row of pending) (currentKeys(row.personKey).has(row.rowKey) ? notDone : done).push(row.id);
  await db.$transaction([
    db.reviewItem.updateMany({
      where: { id: { in: done }, revokeState: "PENDING" },
      data: { revokeState: "DONE", revokeCheckedSnapshotId: snapshotId },
    }),
    db.reviewItem.updateMany({
      where: { id: { in: notDone }, revokeState: "PENDING" },
      data: { revokeState: "NOT_DONE", revokeCheckedSnapshotId: snapshotId },
    }),
  ]);
  return { checked: pending.length, done: done.length, notDone: notDone.length };
}
