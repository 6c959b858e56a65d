import { z } from "zod";
import { recordAuditBatch, userActor } from "../audit";
import { hasRole } from "../auth";
import type { PrismaClient } from "../db";
import { AppError } from "../errors";
import { refreshCounts } from "./refresh-counts";
import { REVIEW_ITEM_FILTER, reviewItemWhere, type ReviewItemFilter } from "./review-filter";
import { DECISION_BY_NAME, REVIEW_DECISION_NAMES, type ReviewDecisionName, type Reviewer } from "./review-types";

export interface DecideReviewItemsInput {
  campaignId: number;
  /** these rows; with `filter`, only those of them that match it */
  itemIds?: number[];
  /** every row matching it ("select all matching") */
  filter?: ReviewItemFilter;
  decision: ReviewDecisionName;
  comment?: string;
  reviewer: Reviewer;
  requestId?: string | null;
  clientAddress?: string | null;
}

const INPUT = z.object({
  campaignId: z.number().int().positive(),
  itemIds: z.array(z.number().int().positive()).max(200_000).optional(),
  filter: REVIEW_ITEM_FILTER.optional(),
  decision: z.enum(REVIEW_DECISION_NAMES),
  comment: z.string().trim().max(2_000).optional(),
});

export const sameEmail = (a: string | null | undefined, b: string | null | undefined) =>
  !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Keep / revoke / needs-info on one row or many (a filter selects all matching rows). A reviewer
 * decides the rows assigned to their e-mail; an auditor or admin any row; nobody their own access.
 * Removed rows need no decision. A revoke or needs-info says why. Confirming a pre-filled decision
 * clears the mark. Every decided row is one `review.decided` audit entry in the same transaction.
 */
export async function decideReviewItems(
  db: PrismaClient,
  input: DecideReviewItemsInput,
): Promise<{ decided: number; skipped: Array<{ itemId: number; reason: string }> }> {
  const parsed = INPUT.safeParse(input);
  if (!parsed.success)
    throw new AppError("BAD_REQUEST", parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "));
  const { campaignId, itemIds, filter, decision, comment } = parsed.data;
  const { reviewer } = input;
  if (!itemIds && !filter) throw new AppError("BAD_REQUEST", "say which rows: item ids or a filter");
  if (decision !== "keep" && !comment) throw new AppError("BAD_REQUEST", `a ${decision} decision needs a comment saying why`);
  const mayDecideAny = hasRole(reviewer, "auditor");

  return db.$transaction(
    async (tx) => {
      const campaign = await tx.reviewCampaign.findUnique({ where: { id: campaignId }, select: { status: true } });
      if (!campaign) throw new AppError("NOT_FOUND", `review campaign ${campaignId} not found`);
      if (campaign.status === "SIGNED_OFF")
        throw new AppError("CONFLICT", `review campaign ${campaignId} is signed off; its decisions are final`);
      const where = reviewItemWhere(campaignId, filter ?? {});
      const rows = await tx.reviewItem.findMany({
        where: itemIds ? { AND: [where, { id: { in: itemIds } }] } : where,
        orderBy: { id: "asc" },
        select: { id: true, rowKey: true, personEmail: true, personName: true, reviewerEmail: true, change: true, decisionPrefilled: true },
      });
      const skipped: Array<{ itemId: number; reason: string }> = [];
      if (itemIds) {
        const found = new Set(rows.map((row) => row.id));
        for (const id of new Set(itemIds))
          if (!found.has(id)) skipped.push({ itemId: id, reason: "not a row of this campaign (or not matching the filter)" });
      }
      const chosen: typeof rows = [];
      for (const row of rows) {
        if (row.change === "REMOVED") skipped.push({ itemId: row.id, reason: "removed since last week: needs no decision" });
        else if (sameEmail(row.personEmail, reviewer.email))
          skipped.push({ itemId: row.id, reason: "your own access: another reviewer decides it" });
        else if (!mayDecideAny && !sameEmail(row.reviewerEmail, reviewer.email))
          skipped.push({ itemId: row.id, reason: "assigned to another reviewer" });
        else chosen.push(row);
      }
      if (chosen.length === 0) return { decided: 0, skipped };
      const value = DECISION_BY_NAME[decision];
      const decidedAt = new Date();
      await tx.reviewItem.updateMany({
        where: { id: { in: chosen.map((row) => row.id) } },
        data: {
          decision: value,
          decisionComment: comment ?? null,
          decidedById: reviewer.id,
          decidedByName: reviewer.name,
          decidedAt,
          decisionPrefilled: false,
          revokeState: value === "REVOKE" ? "PENDING" : null,
          revokeCheckedSnapshotId: null,
        },
      });
      await refreshCounts(tx, campaignId);
      const actor = userActor({ id: reviewer.id, displayName: reviewer.name, method: reviewer.method ?? "LOCAL" });
      // Audit entries last: the chain lock is held from the first until commit.
      await recordAuditBatch(
        tx,
        chosen.map((row) => ({
          actor,
          action: "review.decided",
          target: { type: "review_item", id: String(row.id), label: row.rowKey },
          detail: {
            campaignId,
            decision,
            comment: comment ?? null,
            person: row.personEmail ?? row.personName,
            confirmedPrefill: row.decisionPrefilled,
            bulk: chosen.length > 1,
          },
          requestId: input.requestId,
          clientAddress: input.clientAddress,
        })),
      );
      return { decided: chosen.length, skipped };
    },
    { maxWait: 30_000, timeout: 10 * 60_000 },
  );
}
