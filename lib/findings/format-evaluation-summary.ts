import type { EvaluateFindingsResult } from "./evaluate-findings";
import { SEVERITIES } from "./types";

/** One line for `vigil snapshot` / `vigil import`: what changed, and what is open by severity. */
export function formatEvaluationSummary(result: EvaluateFindingsResult): string {
  if (result.skipped) return `findings: not evaluated (${result.skipped})`;
  const open = SEVERITIES.map((severity) => `${result.open[severity]} ${severity}`).join(", ");
  const gaps = [
    result.graphError && `trust graph unavailable: ${result.graphError}`,
    result.baselinesError && `trust baselines unavailable: ${result.baselinesError}`,
  ].filter(Boolean);
  return `findings: ${result.new} new, ${result.resolved} resolved, ${result.reopened} reopened; open: ${open}${gaps.length ? ` (${gaps.join("; ")})` : ""}`;
}
