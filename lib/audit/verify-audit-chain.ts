import type { Db } from "../db";
import type { AuditAnchor } from "./audit-anchor";
import { GENESIS_HASH, hashEntry } from "./audit-hash";
import { readAuditBatch } from "./audit-row";

export type AuditChainProblem = {
  kind: "altered" | "removed" | "inserted" | "anchor-mismatch";
  /** The first entry concerned: the altered one, the first missing one, the one that does not link. */
  sequence: bigint;
  message: string;
};

export type AuditChainReport =
  | { ok: true; count: bigint; head: { sequence: bigint; hash: string } | null; anchorsChecked: number }
  | { ok: false; problem: AuditChainProblem; checked: bigint };

const DEFAULT_BATCH = 1_000;

function missingRange(from: bigint, to: bigint): string {
  return from === to ? `entry #${from} is missing` : `entries #${from} to #${to} are missing`;
}

/**
 * Walks the whole chain in sequence order, a batch at a time, and stops at the first problem: an
 * entry whose content no longer matches its hash (altered), a sequence gap (removed), an entry
 * whose prevHash is not its predecessor's hash (inserted, or its predecessor rewritten with a
 * recomputed hash), or a head that disagrees with an anchor written outside the database.
 */
export async function verifyAuditChain(
  db: Db,
  options: { anchors?: readonly AuditAnchor[]; batchSize?: number } = {},
): Promise<AuditChainReport> {
  const anchors = new Map((options.anchors ?? []).map((anchor) => [anchor.sequence, anchor]));
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  let previous: { sequence: bigint; hash: string } = { sequence: 0n, hash: GENESIS_HASH };
  let checked = 0n;
  const fail = (problem: AuditChainProblem): AuditChainReport => ({ ok: false, problem, checked });

  for (;;) {
    const batch = await readAuditBatch(db, previous.sequence, batchSize);
    for (const row of batch) {
      const expected = previous.sequence + 1n;
      if (row.sequence !== expected) {
        return fail({
          kind: "removed",
          sequence: expected,
          message: `${missingRange(expected, row.sequence - 1n)} (removed): the chain jumps from #${previous.sequence} to #${row.sequence}`,
        });
      }
      if (hashEntry(row) !== row.hash) {
        return fail({
          kind: "altered",
          sequence: row.sequence,
          message: `entry #${row.sequence} was altered: its content no longer matches its hash`,
        });
      }
      if (row.prevHash !== previous.hash) {
        return fail({
          kind: "inserted",
          sequence: row.sequence,
          message: `entry #${row.sequence} does not follow entry #${previous.sequence} (its prevHash is not #${previous.sequence}'s hash): #${row.sequence} was inserted, or #${previous.sequence} replaced with a recomputed hash`,
        });
      }
      const anchor = anchors.get(row.sequence);
      if (anchor && anchor.hash !== row.hash) {
        return fail({
          kind: "anchor-mismatch",
          sequence: row.sequence,
          message: `entry #${row.sequence} differs from the anchor written at ${anchor.anchoredAt}: the chain was rewritten at or before #${row.sequence}`,
        });
      }
      previous = { sequence: row.sequence, hash: row.hash };
      checked += 1n;
    }
    if (batch.length < batchSize) break;
  }

  const furthest = [...anchors.values()].reduce<AuditAnchor | null>(
    (max, anchor) => (!max || anchor.sequence > max.sequence ? anchor : max),
    null,
  );
  if (furthest && furthest.sequence > previous.sequence) {
    const first = previous.sequence + 1n;
    return fail({
      kind: "removed",
      sequence: first,
      message: `${missingRange(first, furthest.sequence)} (removed): the anchor written at ${furthest.anchoredAt} recorded entry #${furthest.sequence}, the chain ends at #${previous.sequence}`,
    });
  }
  const anchorsChecked = [...anchors.keys()].filter((sequence) => sequence <= previous.sequence).length;
  return { ok: true, count: checked, head: previous.sequence === 0n ? null : previous, anchorsChecked };
}
