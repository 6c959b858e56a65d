import { z } from "zod";
import type { ReviewItemFilter } from "@/lib/review";
import { pageParam } from "@/lib/inventory";

export const CHANGE_FILTERS = ["new", "changed", "unchanged", "removed"] as const;
export const DECISION_FILTERS = ["undecided", "prefilled", "keep", "revoke", "needs-info"] as const;
/** "mine": rows assigned to the signed-in user's e-mail; "all": every reviewer's rows; "unassigned": rows no one may review yet. */
export const REVIEWER_CHOICES = ["mine", "all", "unassigned"] as const;

const optionalText = (what: string, max = 200) =>
  z
    .string()
    .trim()
    .max(max, `${what} must be at most ${max} characters`)
    .optional()
    .transform((value) => (value ? value : undefined));

/** URL params of /reviews/[id]: the filters (shared with bulk decisions and exports) and the page. */
export const reviewItemParams = z.object({
  reviewer: z
    .union([z.enum(REVIEWER_CHOICES), z.email({ error: "reviewer must be mine, all, unassigned or an e-mail address" }).max(320)])
    .optional(),
  accountId: z
    .string()
    .regex(/^\d{12}$/, "accountId must be a 12-digit account id")
    .optional(),
  person: optionalText("person"),
  change: z.enum(CHANGE_FILTERS, { error: `change must be one of: ${CHANGE_FILTERS.join(", ")}` }).optional(),
  decision: z.enum(DECISION_FILTERS, { error: `decision must be one of: ${DECISION_FILTERS.join(", ")}` }).optional(),
  q: optionalText("search"),
  page: pageParam,
  pageSize: z.coerce.number({ error: "pageSize must be a number" }).int().min(1).max(200, "pageSize must be at most 200").default(50),
});

export type ReviewItemParams = z.output<typeof reviewItemParams>;

/** Reviewers see their own rows first; auditors and admins, who attest or sign off any row, see every row. */
export function defaultReviewerChoice(canSeeAll: boolean): (typeof REVIEWER_CHOICES)[number] {
  return canSeeAll ? "all" : "mine";
}

/** The lib filter for these params, "mine" resolved to the signed-in user's e-mail. */
export function toReviewItemFilter(params: ReviewItemParams, options: { email: string; canSeeAll: boolean }): ReviewItemFilter {
  const reviewer = params.reviewer ?? defaultReviewerChoice(options.canSeeAll);
  return {
    ...(reviewer === "all" ? {} : { reviewer: reviewer === "mine" ? options.email : reviewer }),
    ...(params.accountId ? { accountId: params.accountId } : {}),
    ...(params.person ? { person: params.person } : {}),
    ...(params.change ? { change: params.change } : {}),
    ...(params.decision ? { decision: params.decision } : {}),
    ...(params.q ? { q: params.q } : {}),
  };
}
