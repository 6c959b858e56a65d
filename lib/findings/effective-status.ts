import { raw, sql, type Sql } from "../snapshot";

export const FINDING_STATUSES = ["open", "reopened", "resolved", "suppressed"] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

/**
 * The status as of `now`, from the finding row aliased `f`: a suppression whose time is up reads as
 * reopened at once (the next evaluation persists that with a SUPPRESSION_EXPIRED history entry).
 */
export function effectiveStatus(now: Date): Sql {
  return sql`(CASE WHEN ${raw(`f."status"`)} = 'SUPPRESSED' AND ${raw(`f."suppressedUntil"`)} <= ${now} THEN 'reopened' ELSE lower(${raw(`f."status"`)}::text) END)`;
}
