import type { Db } from "@/lib/db";
import { getReviewProgress, listReviewCampaigns } from "@/lib/review";

export interface ReviewProgressSummary {
  campaignId: number;
  name: string;
  status: "open" | "signed-off";
  snapshotId: number;
  /** rows needing a decision (removed rows need none) */
  total: number;
  decided: number;
  prefilled: number;
  revoke: number;
  reviewers: number;
}

/** The latest access-review campaign's progress, or null before the first campaign. */
export async function loadReviewProgress(db: Db): Promise<ReviewProgressSummary | null> {
  const [latest] = await listReviewCampaigns(db);
  if (!latest) return null;
  const progress = await getReviewProgress(db, latest.id);
  const sum = (pick: (row: (typeof progress)[number]) => number) => progress.reduce((total, row) => total + pick(row), 0);
  return {
    campaignId: latest.id,
    name: latest.name,
    status: latest.status,
    snapshotId: latest.snapshotId,
    total: sum((row) => row.total),
    decided: sum((row) => row.decided),
    prefilled: sum((row) => row.prefilled),
    revoke: sum((row) => row.revoke),
    reviewers: progress.length,
  };
}
