import { SEVERITIES, type Severity } from "./types";

/** How the database spells a severity (enum FindingSeverity). */
export type DbSeverity = Uppercase<Severity>;
export type DbStatus = "OPEN" | "RESOLVED" | "REOPENED" | "SUPPRESSED";

export const toDbSeverity = (severity: Severity): DbSeverity => severity.toUpperCase() as DbSeverity;
export const fromDbSeverity = (severity: string): Severity => severity.toLowerCase() as Severity;

export function emptySeverityCounts(): Record<Severity, number> {
  return Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
}
