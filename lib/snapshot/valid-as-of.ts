import { quoteAlias, sql, type Sql } from "./sql";

/**
 * "As of snapshot N": the version of an EntityVersion row (under `alias`) that N saw. Versions are
 * valid from their first snapshot (inclusive) until the snapshot that closed them (exclusive), so
 * exactly one version per natural key matches. A RUNNING snapshot's inserts (validFrom = its id)
 * and closes (validTo = its id) are both outside any earlier snapshot's view, which is why readers
 * pinned to a readable snapshot never see a half-written run.
 */
export function validAsOf(alias: string, snapshotId: number): Sql {
  const v = quoteAlias(alias);
  return sql`${v}."validFrom" <= ${snapshotId} AND (${v}."validTo" IS NULL OR ${v}."validTo" > ${snapshotId})`;
}

/**
 * Valid as of `lo` and closed by `hi` (lo < hi): the "before" side of a diff. Written as a range on
 * validTo (not as validAsOf(lo) plus a bound) so the validTo index serves it.
 */
export function closedBetween(alias: string, lo: number, hi: number): Sql {
  const v = quoteAlias(alias);
  return sql`${v}."validTo" > ${lo} AND ${v}."validTo" <= ${hi} AND ${v}."validFrom" <= ${lo}`;
}

/** Opened after `lo` and still valid as of `hi` (lo < hi): the "after" side of a diff, via the validFrom index. */
export function openedBetween(alias: string, lo: number, hi: number): Sql {
  const v = quoteAlias(alias);
  return sql`${v}."validFrom" > ${lo} AND ${v}."validFrom" <= ${hi} AND (${v}."validTo" IS NULL OR ${v}."validTo" > ${hi})`;
}
