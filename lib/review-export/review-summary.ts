import type { Db } from "../db";
import { getReviewProgress, type ReviewCampaignView, type ReviewerProgress } from "../review";

export type ReviewScope = { rows: number; people: number; accounts: number };

export type ReviewSummary = {
  campaign: ReviewCampaignView;
  scope: ReviewScope;
  progress: ReviewerProgress[];
  exportedAt: Date;
};

/** People and accounts under review (rows of this snapshot: removed rows are last week's). */
async function loadScope(db: Db, campaign: ReviewCampaignView): Promise<ReviewScope> {
  const where = { campaignId: campaign.id, change: { not: "REMOVED" as const } };
  const [people, accounts] = await Promise.all([
    db.reviewItem.groupBy({ by: ["personKey"], where }),
    db.reviewItem.groupBy({ by: ["accountId"], where }),
  ]);
  return { rows: campaign.counts.total - campaign.counts.byChange.removed, people: people.length, accounts: accounts.length };
}

export async function loadReviewSummary(db: Db, campaign: ReviewCampaignView, exportedAt: Date): Promise<ReviewSummary> {
  const [scope, progress] = await Promise.all([loadScope(db, campaign), getReviewProgress(db, campaign.id)]);
  return { campaign, scope, progress, exportedAt };
}

const iso = (date: Date | null) => (date ? date.toISOString() : "");

/** The summary as (field, value) pairs: the XLSX summary sheet and the PDF's first section. */
export function summaryPairs({ campaign, scope, exportedAt }: ReviewSummary): Array<[string, string]> {
  const { byChange, byDecision } = campaign.counts;
  return [
    ["Campaign", `#${campaign.id} ${campaign.name}`],
    ["Status", campaign.status],
    [
      "Scope",
      `every person's access to every account in snapshot #${campaign.snapshotId}: ${scope.rows} rows, ${scope.people} people, ${scope.accounts} accounts`,
    ],
    ["Snapshot", `#${campaign.snapshotId}`],
    ["Snapshot as of", iso(campaign.snapshotAsOf)],
    ["Period start", iso(campaign.periodStart)],
    ["Previous campaign", campaign.previousCampaignId === null ? "none (first campaign)" : `#${campaign.previousCampaignId}`],
    ["Started", `${iso(campaign.createdAt)} by ${campaign.createdBy}`],
    ["Rows", String(campaign.counts.total)],
    ["New since last campaign", String(byChange.new)],
    ["Changed", String(byChange.changed)],
    ["Unchanged", String(byChange.unchanged)],
    ["Removed", String(byChange.removed)],
    ["Keep", String(byDecision.keep)],
    ["Revoke", String(byDecision.revoke)],
    ["Needs info", String(byDecision["needs-info"])],
    ["Undecided", String(byDecision.undecided)],
    ["Prefilled, not yet confirmed", String(byDecision.prefilled)],
    ["Signed off", campaign.signedOffAt ? `${iso(campaign.signedOffAt)} by ${campaign.signedOffByName ?? "unknown"}` : "not signed off"],
    ["Sign-off comment", campaign.signOffComment ?? ""],
    ["Audit chain head at sign-off (sequence)", campaign.signOffAuditSequence ?? ""],
    ["Audit chain head at sign-off (hash)", campaign.signOffAuditHash ?? ""],
    ["Exported at", iso(exportedAt)],
  ];
}

/** One line per reviewer: `alice@example.com (account-owner): 12 of 20 decided, 3 prefilled, 1 revoke, 0 needs info`. */
export function progressLine(progress: ReviewerProgress): string {
  return (
    `${progress.reviewerEmail ?? "unassigned"} (${progress.reviewerSource}): ${progress.decided} of ${progress.total} decided, ` +
    `${progress.prefilled} prefilled, ${progress.revoke} revoke, ${progress.needsInfo} needs info`
  );
}
