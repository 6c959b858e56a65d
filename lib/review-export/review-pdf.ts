import type { PdfReport } from "../export";
import type { ReviewRemediation } from "../review";
import { progressLine, summaryPairs, type ReviewSummary } from "./review-summary";

/** The auditors' summary: scope, snapshot, counts, decisions, progress, sign-off and the revoke list. */
export function reviewPdfReport(summary: ReviewSummary, remediations: readonly ReviewRemediation[]): PdfReport {
  const pairs = summaryPairs(summary);
  const pick = (...names: string[]) => pairs.filter(([name]) => names.includes(name));
  const { campaign } = summary;
  return {
    title: `Vigil access review #${campaign.id}: ${campaign.name}`,
    subtitle: `Snapshot #${campaign.snapshotId} as of ${campaign.snapshotAsOf.toISOString()} · exported ${summary.exportedAt.toISOString()}`,
    sections: [
      {
        heading: "Scope",
        pairs: pick("Campaign", "Status", "Scope", "Snapshot", "Snapshot as of", "Period start", "Previous campaign", "Started"),
      },
      { heading: "Changes since the previous campaign", pairs: pick("Rows", "New since last campaign", "Changed", "Unchanged", "Removed") },
      { heading: "Decisions", pairs: pick("Keep", "Revoke", "Needs info", "Undecided", "Prefilled, not yet confirmed") },
      { heading: "Progress per reviewer", lines: summary.progress.map(progressLine), empty: "no rows to review" },
      {
        heading: "Sign-off",
        pairs: pick("Signed off", "Sign-off comment", "Audit chain head at sign-off (sequence)", "Audit chain head at sign-off (hash)"),
      },
      {
        heading: `Revocations to carry out (${remediations.length})`,
        lines: remediations.flatMap(({ item, awsCli, revokeState }) => [
          `${item.personName} -> ${item.accountName ?? item.accountId} (${item.accountId}) via ${item.pathLabel}; ` +
            `decided by ${item.decidedByName ?? "unknown"}${item.decisionComment ? `: ${item.decisionComment}` : ""}; ` +
            `carried out: ${revokeState ?? "not checked yet"}`,
          `    ${awsCli}`,
        ]),
        empty: "no revoke decisions",
      },
    ],
  };
}
