import type { Db } from "../db";
import { AppError } from "../errors";
import { CAMPAIGN_SELECT, toCampaignView } from "./review-views";
import type { ReviewCampaignView } from "./review-types";

/** Every campaign, newest first. */
export async function listReviewCampaigns(db: Db): Promise<ReviewCampaignView[]> {
  const rows = await db.reviewCampaign.findMany({ orderBy: { periodStart: "desc" }, select: CAMPAIGN_SELECT });
  return rows.map(toCampaignView);
}

/** One campaign by id, or the newest; not-found names what was asked for. */
export async function getReviewCampaignOrThrow(db: Db, idOrLatest: number | "latest"): Promise<ReviewCampaignView> {
  const row =
    idOrLatest === "latest"
      ? await db.reviewCampaign.findFirst({ orderBy: { periodStart: "desc" }, select: CAMPAIGN_SELECT })
      : await db.reviewCampaign.findUnique({ where: { id: idOrLatest }, select: CAMPAIGN_SELECT });
  if (!row)
    throw new AppError(
      "NOT_FOUND",
      idOrLatest === "latest" ? "no review campaign yet; start one with `vigil review start`" : `review campaign ${idOrLatest} not found`,
    );
  return toCampaignView(row);
}
