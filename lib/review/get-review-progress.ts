import type { Db } from "../db";
import { REVIEWER_SOURCE_NAME, type ReviewerSourceName } from "./review-types";

export interface ReviewerProgress {
  reviewerEmail: string | null;
  reviewerSource: ReviewerSourceName;
  /** rows needing a decision (removed rows need none) */
  total: number;
  /** decided and confirmed (a pre-filled decision is not, until confirmed) */
  decided: number;
  prefilled: number;
  revoke: number;
  needsInfo: number;
}

/** Per reviewer (and source): how many of their rows are decided, pre-filled, revoked, waiting for information. */
export async function getReviewProgress(db: Db, campaignId: number): Promise<ReviewerProgress[]> {
  const groups = await db.reviewItem.groupBy({
    by: ["reviewerEmail", "reviewerSource", "decision", "decisionPrefilled"],
    where: { campaignId, change: { not: "REMOVED" } },
    _count: { _all: true },
  });
  const byReviewer = new Map<string, ReviewerProgress>();
  for (const group of groups) {
    const key = `${group.reviewerEmail ?? ""}|${group.reviewerSource}`;
    let progress = byReviewer.get(key);
    if (!progress) {
      progress = {
        reviewerEmail: group.reviewerEmail,
        reviewerSource: REVIEWER_SOURCE_NAME[group.reviewerSource],
        total: 0,
        decided: 0,
        prefilled: 0,
        revoke: 0,
        needsInfo: 0,
      };
      byReviewer.set(key, progress);
    }
    const n = group._count._all;
    progress.total += n;
    if (group.decisionPrefilled) progress.prefilled += n;
    else if (group.decision !== null) {
      progress.decided += n;
      if (group.decision === "REVOKE") progress.revoke += n;
      if (group.decision === "NEEDS_INFO") progress.needsInfo += n;
    }
  }
  return [...byReviewer.values()].sort(
    (a, b) =>
      (a.reviewerEmail === null ? 1 : 0) - (b.reviewerEmail === null ? 1 : 0) ||
      (a.reviewerEmail ?? "").localeCompare(b.reviewerEmail ?? ""),
  );
}
