import type { Db, PrismaTypes } from "../db";
import { emptyCounts } from "./review-views";
import { CHANGE_NAME, DECISION_NAME, type ReviewCounts } from "./review-types";

/**
 * Recounts a campaign's rows by change and by decision and stores it on the campaign. REMOVED rows
 * count under their change only: they need no decision. A pre-filled decision counts as `prefilled`
 * until confirmed.
 */
export async function refreshCounts(db: Db, campaignId: number): Promise<ReviewCounts> {
  const groups = await db.reviewItem.groupBy({
    by: ["change", "decision", "decisionPrefilled"],
    where: { campaignId },
    _count: { _all: true },
  });
  const counts = emptyCounts();
  for (const group of groups) {
    const n = group._count._all;
    counts.total += n;
    counts.byChange[CHANGE_NAME[group.change]] += n;
    if (group.change === "REMOVED") continue;
    if (group.decisionPrefilled) counts.byDecision.prefilled += n;
    else if (group.decision === null) counts.byDecision.undecided += n;
    else counts.byDecision[DECISION_NAME[group.decision]] += n;
  }
  await db.reviewCampaign.update({ where: { id: campaignId }, data: { counts: counts as unknown as PrismaTypes.InputJsonObject } });
  return counts;
}
