import { getAccessContext } from "../access";
import type { OrgInventory } from "../aws";
import type { Db } from "../db";
import { remediationText } from "./remediation-text";
import { ITEM_SELECT, toItemView } from "./review-views";
import type { ReviewItemView, RevokeStateName } from "./review-types";

export interface ReviewRemediation {
  item: ReviewItemView;
  awsCli: string;
  terraform: string;
  revokeState: RevokeStateName | null;
}

/** The campaign's REVOKE rows with what to remove in AWS (exact assignment, membership or trust statement). */
export async function findReviewRemediations(db: Db, campaignId: number): Promise<ReviewRemediation[]> {
  const campaign = await db.reviewCampaign.findUnique({ where: { id: campaignId }, select: { snapshotId: true } });
  if (!campaign) return [];
  const rows = await db.reviewItem.findMany({ where: { campaignId, decision: "REVOKE" }, orderBy: { id: "asc" }, select: ITEM_SELECT });
  if (rows.length === 0) return [];
  // The snapshot the campaign was built from names the memberships and trust policies exactly.
  const state: OrgInventory | null = await getAccessContext(db, campaign.snapshotId)
    .then((context) => context.state)
    .catch(() => null);
  const remediations = rows.map((row) => {
    const item = toItemView(row);
    return { item, ...remediationText(item, state), revokeState: item.revokeState };
  });
  return remediations;
}
