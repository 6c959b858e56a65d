import { z } from "zod";
import { userActor } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth";
import { decideReviewItems, REVIEW_ITEM_FILTER, signOffReviewCampaign, startReviewCampaign, type Reviewer } from "@/lib/review";
import { defineAction } from "../_actions/define-action";

export type ReviewActionResult = {
  message: string;
  /** rows a bulk decision left alone, with why (e.g. "your own access") */
  skipped?: Array<{ itemId: number; reason: string }>;
  campaignId?: number;
};

const MAX_IDS = 1000;
const CAMPAIGN_ID = z.coerce.number({ error: "a campaign id is required" }).int().positive("a campaign id is required");
const DECISION = z.enum(["keep", "revoke", "needs-info"], { error: "choose keep, revoke or needs-info" });
const COMMENT = z.string().trim().max(2000, "the comment is at most 2,000 characters").optional();
/** The ticked rows, joined into one comma-separated field (join-selected-ids in findings does the same). */
const IDS = z
  .string()
  .max(20_000, `at most ${MAX_IDS} rows at once; use "select all matching" for more`)
  .transform((value) =>
    value
      .split(",")
      .filter((id) => id !== "")
      .map(Number),
  )
  .pipe(z.array(z.number().int("ids must be row ids").positive("ids must be row ids")).max(MAX_IDS, `at most ${MAX_IDS} rows at once`));
/** "Select all matching": the page's filter as JSON, so the bulk decision covers every matching row, not the visible page. */
const FILTER_JSON = z
  .string()
  .max(4000, "the filter is too long")
  .transform((text, context) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      context.addIssue({ code: "custom", message: "the filter is not valid JSON" });
      return z.NEVER;
    }
  })
  .pipe(REVIEW_ITEM_FILTER);

const REVALIDATE = ["/reviews", "/"] as const;
const rows = (count: number) => (count === 1 ? "1 row" : `${count} rows`);

export function reviewerOf(user: SessionUser): Reviewer {
  return { id: user.id, name: user.displayName, email: user.email, role: user.role, method: user.method };
}

export const startCampaign = defineAction({
  name: "startReviewCampaign",
  permission: "review:sign-off",
  input: z.object({}),
  audit: { recordedBy: "audit-trail", action: "review.campaign_started" },
  revalidate: REVALIDATE,
  handler: async ({ db, user }): Promise<ReviewActionResult> => {
    const { campaign, isCreated } = await startReviewCampaign(db, { actor: userActor(user) });
    return {
      campaignId: campaign.id,
      message: isCreated
        ? `Started ${campaign.name}: ${rows(campaign.counts.total)} from snapshot #${campaign.snapshotId}.`
        : `${campaign.name} already exists (started by ${campaign.createdBy}).`,
    };
  },
});

export const decideItems = defineAction({
  name: "decideReviewItems",
  permission: "review:attest",
  input: z
    .object({
      campaignId: CAMPAIGN_ID,
      decision: DECISION,
      comment: COMMENT,
      ids: IDS.optional(),
      scope: z.enum(["selected", "filter"]).default("selected"),
      filter: FILTER_JSON.optional(),
    })
    .refine((input) => (input.scope === "filter" ? input.filter !== undefined : (input.ids?.length ?? 0) > 0), {
      message: 'select at least one row, or tick "select all matching this filter"',
      path: ["ids"],
    }),
  audit: { recordedBy: "audit-trail", action: "review.decided" },
  revalidate: REVALIDATE,
  handler: async ({ db, user, input, meta, requestId }): Promise<ReviewActionResult> => {
    const result = await decideReviewItems(db, {
      campaignId: input.campaignId,
      ...(input.scope === "filter" ? { filter: input.filter } : { itemIds: input.ids }),
      decision: input.decision,
      comment: input.comment,
      reviewer: reviewerOf(user),
      requestId,
      clientAddress: meta.ip,
    });
    const skipped = result.skipped.length > 0 ? `; skipped ${rows(result.skipped.length)}` : "";
    return { message: `Decided ${rows(result.decided)} as ${input.decision}${skipped}.`, skipped: result.skipped };
  },
});

export const signOffCampaign = defineAction({
  name: "signOffReviewCampaign",
  permission: "review:sign-off",
  input: z.object({ campaignId: CAMPAIGN_ID, comment: COMMENT }),
  audit: { recordedBy: "audit-trail", action: "review.signed_off" },
  revalidate: REVALIDATE,
  handler: async ({ db, user, input, meta, requestId }): Promise<ReviewActionResult> => {
    const campaign = await signOffReviewCampaign(db, {
      campaignId: input.campaignId,
      auditor: reviewerOf(user),
      comment: input.comment,
      requestId,
      clientAddress: meta.ip,
    });
    return { campaignId: campaign.id, message: `Signed off ${campaign.name}.` };
  },
});
