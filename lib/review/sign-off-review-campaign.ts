import { z } from "zod";
import { recordAudit, userActor } from "../audit";
import { hasPermission } from "../auth";
import type { PrismaClient } from "../db";
import { AppError } from "../errors";
import { CAMPAIGN_SELECT, toCampaignView } from "./review-views";
import type { ReviewCampaignView, Reviewer } from "./review-types";

export interface SignOffReviewCampaignInput {
  campaignId: number;
  auditor: Reviewer;
  comment?: string;
  requestId?: string | null;
  clientAddress?: string | null;
}

const COMMENT = z.string().trim().max(2_000).optional();

/**
 * Closes a campaign: an auditor (or admin) only, once every row that needs a decision has a
 * confirmed one (the refusal says how many are left, per reviewer). Stores the audit chain's head
 * right after its own `review.signed_off` entry, so the sign-off can be checked against the chain.
 */
export async function signOffReviewCampaign(db: PrismaClient, input: SignOffReviewCampaignInput): Promise<ReviewCampaignView> {
  const { auditor, campaignId } = input;
  if (!hasPermission(auditor, "review:sign-off")) throw new AppError("FORBIDDEN", "only an auditor (or admin) signs off a review campaign");
  const comment = COMMENT.safeParse(input.comment);
  if (!comment.success) throw new AppError("BAD_REQUEST", "comment: at most 2,000 characters");
  return db.$transaction(
    async (tx) => {
      // Row lock: two sign-offs (or a sign-off and a decision's count refresh) do not interleave.
      const locked = await tx.$queryRaw<
        Array<{ status: string }>
      >`SELECT status::text AS status FROM "ReviewCampaign" WHERE id = ${campaignId} FOR UPDATE`;
      const status = locked[0]?.status;
      if (!status) throw new AppError("NOT_FOUND", `review campaign ${campaignId} not found`);
      if (status === "SIGNED_OFF") throw new AppError("CONFLICT", `review campaign ${campaignId} is already signed off`);
      const pending = await tx.reviewItem.groupBy({
        by: ["reviewerEmail"],
        where: { campaignId, change: { not: "REMOVED" }, OR: [{ decision: null }, { decisionPrefilled: true }] },
        _count: { _all: true },
      });
      if (pending.length > 0) {
        const total = pending.reduce((sum, group) => sum + group._count._all, 0);
        const per = pending
          .sort((a, b) => b._count._all - a._count._all)
          .map((group) => `${group.reviewerEmail ?? "unassigned"}: ${group._count._all}`)
          .join(", ");
        throw new AppError("CONFLICT", `${total} row(s) still undecided or pre-filled and unconfirmed (${per}); sign-off refused`, {
          details: { pending: total },
        });
      }
      const signedOffAt = new Date();
      await tx.reviewCampaign.update({
        where: { id: campaignId },
        data: {
          status: "SIGNED_OFF",
          signedOffAt,
          signedOffById: auditor.id,
          signedOffByName: auditor.name,
          signOffComment: comment.data || null,
        },
      });
      const head = await recordAudit(tx, {
        actor: userActor({ id: auditor.id, displayName: auditor.name, method: auditor.method ?? "LOCAL" }),
        action: "review.signed_off",
        target: { type: "review_campaign", id: String(campaignId) },
        detail: { comment: comment.data || null },
        requestId: input.requestId,
        clientAddress: input.clientAddress,
      });
      const row = await tx.reviewCampaign.update({
        where: { id: campaignId },
        data: { signOffAuditSequence: head.sequence, signOffAuditHash: head.hash },
        select: CAMPAIGN_SELECT,
      });
      return toCampaignView(row);
    },
    { maxWait: 30_000, timeout: 60_000 },
  );
}
