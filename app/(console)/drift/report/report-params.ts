import { z } from "zod";
import { DRIFT_REPORT_FORMATS, parseDriftReportPoint } from "@/lib/drift";

const point = (name: string) =>
  z
    .string()
    .trim()
    .max(64, `${name} must be at most 64 characters`)
    .optional()
    .transform((value) => (value ? value : undefined))
    .refine(
      (value) => value === undefined || parseDriftReportPoint(value) !== null,
      `${name} must be a snapshot id, campaign:<id> or an ISO date`,
    );

/** URL params of /drift/report (and of its export): the two ends, as `vigil drift report` takes them. */
export const driftReportParams = z.object({ since: point("since"), until: point("until") });
export type DriftReportParams = z.output<typeof driftReportParams>;

export const driftReportExportParams = driftReportParams.extend({
  format: z.enum(DRIFT_REPORT_FORMATS, { error: `format must be one of: ${DRIFT_REPORT_FORMATS.join(", ")}` }),
});

/** The query string of a report (and its export) for two snapshots. */
export function reportQuery(fromId: number, toId: number, format?: string): string {
  return `since=${fromId}&until=${toId}${format ? `&format=${format}` : ""}`;
}
