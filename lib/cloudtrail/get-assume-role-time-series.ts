import { z } from "zod";
import type { Db } from "../db";

export const ASSUME_ROLE_TIME_SERIES_INPUT = z
  .object({
    from: z.coerce.date(),
    to: z.coerce.date(),
    bucket: z.enum(["hour", "day"]).default("day"),
    accountId: z
      .string()
      .regex(/^\d{12}$/)
      .optional(),
    /** Leave out Vigil's own calls (lib/cloudtrail vigil-own-calls), as the events table does by default. */
    excludeVigil: z.object({ auditRoleName: z.string().min(1), sessionName: z.string().min(1) }).optional(),
  })
  .refine((v) => v.from < v.to, { message: "from must be before to", path: ["from"] })
  .refine((v) => (v.to.getTime() - v.from.getTime()) / bucketMs(v.bucket) <= 5_000, {
    message: "too many buckets; use a shorter range or a larger bucket",
    path: ["bucket"],
  });

export type AssumeRoleTimeSeriesInput = z.input<typeof ASSUME_ROLE_TIME_SERIES_INPUT>;

/** One chart point (recharts: `dataKey="assumeRole"` etc. on `t`). */
export interface AssumeRolePoint {
  /** bucket start, ISO-8601 UTC */
  t: string;
  assumeRole: number;
  assumeRoleWithSaml: number;
  failed: number;
}

function bucketMs(bucket: "hour" | "day"): number {
  return bucket === "hour" ? 3_600_000 : 86_400_000;
}

function floorTo(date: Date, bucket: "hour" | "day"): number {
  const ms = bucketMs(bucket);
  return Math.floor(date.getTime() / ms) * ms;
}

/** Role assumptions per hour or day in [from, to), UTC buckets, empty buckets included as zeros. */
export async function getAssumeRoleTimeSeries(db: Db, input: AssumeRoleTimeSeriesInput): Promise<AssumeRolePoint[]> {
  const { from, to, bucket, accountId, excludeVigil } = ASSUME_ROLE_TIME_SERIES_INPUT.parse(input);
  const account = accountId ?? null;
  // The same rule as notVigilOwnCallsWhere: Vigil's session name AND the audit role (with or without
  // a path), for the assumed role or for the caller. right() rather than LIKE: role names may hold "_".
  const session = excludeVigil?.sessionName ?? null;
  const asRole = excludeVigil ? `:role/${excludeVigil.auditRoleName}` : null;
  const asPath = excludeVigil ? `/${excludeVigil.auditRoleName}` : null;
  // Grouped in SQL: a 90-day range can hold hundreds of thousands of role assumptions. eventTime is
  // stored as UTC without zone, so date_trunc buckets are UTC.
  const rows = await db.$queryRaw<Array<{ t: Date; eventName: string; success: boolean; n: number }>>`
    SELECT date_trunc(${bucket}, "eventTime") AS t, "eventName", "success", count(*)::int AS n
    FROM "CloudTrailEvent"
    WHERE "eventName" IN ('AssumeRole', 'AssumeRoleWithSAML')
      AND "eventTime" >= ${from} AND "eventTime" < ${to}
      AND (${account}::text IS NULL OR "accountId" = ${account}::text)
      AND (
        ${session}::text IS NULL
        OR NOT COALESCE(
          ("roleSessionName" = ${session}::text
            AND (right("targetRoleArn", length(${asRole}::text)) = ${asRole}::text
              OR right("targetRoleArn", length(${asPath}::text)) = ${asPath}::text))
          OR ("sourceSessionName" = ${session}::text
            AND (right("sourcePrincipalArn", length(${asRole}::text)) = ${asRole}::text
              OR right("sourcePrincipalArn", length(${asPath}::text)) = ${asPath}::text)),
          false)
      )
    GROUP BY 1, 2, 3`;
  const points = new Map<number, AssumeRolePoint>();
  const step = bucketMs(bucket);
  for (let t = floorTo(from, bucket); t < to.getTime(); t += step) {
    points.set(t, { t: new Date(t).toISOString(), assumeRole: 0, assumeRoleWithSaml: 0, failed: 0 });
  }
  for (const row of rows) {
    const point = points.get(floorTo(row.t, bucket));
    if (!point) continue;
    if (row.eventName === "AssumeRole") point.assumeRole += row.n;
    else point.assumeRoleWithSaml += row.n;
    if (!row.success) point.failed += row.n;
  }
  return [...points.values()];
}
