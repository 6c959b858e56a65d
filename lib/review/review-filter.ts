import { z } from "zod";
import type { PrismaTypes } from "../db";
import { CHANGE_BY_NAME, DECISION_BY_NAME, REVIEW_CHANGE_NAMES, REVIEW_DECISION_NAMES } from "./review-types";

/**
 * Which rows of a campaign: the same filter for pages, bulk decisions ("select all matching") and
 * exports. `reviewer` is an e-mail ("me" is resolved by the caller) or `unassigned`.
 */
export const REVIEW_ITEM_FILTER = z.object({
  reviewer: z.string().trim().min(1).max(320).optional(),
  accountId: z
    .string()
    .regex(/^\d{12}$/, "an account id is 12 digits")
    .optional(),
  /** a person key, e-mail or name (exact, case-insensitive) */
  person: z.string().trim().min(1).max(2048).optional(),
  change: z.enum(REVIEW_CHANGE_NAMES).optional(),
  decision: z.enum([...REVIEW_DECISION_NAMES, "undecided", "prefilled"]).optional(),
  /** free text in the person, account, path, permission set or role */
  q: z.string().trim().max(500).optional(),
});

export type ReviewItemFilter = z.input<typeof REVIEW_ITEM_FILTER>;

export function reviewItemWhere(campaignId: number, input: ReviewItemFilter = {}): PrismaTypes.ReviewItemWhereInput {
  const filter = REVIEW_ITEM_FILTER.parse(input);
  const and: PrismaTypes.ReviewItemWhereInput[] = [{ campaignId }];
  if (filter.reviewer !== undefined)
    and.push(
      filter.reviewer.toLowerCase() === "unassigned"
        ? { reviewerEmail: null }
        : { reviewerEmail: { equals: filter.reviewer.toLowerCase(), mode: "insensitive" } },
    );
  if (filter.accountId) and.push({ accountId: filter.accountId });
  if (filter.person)
    and.push({
      OR: [
        { personKey: filter.person },
        { personEmail: { equals: filter.person, mode: "insensitive" } },
        { personName: { equals: filter.person, mode: "insensitive" } },
      ],
    });
  if (filter.change) and.push({ change: CHANGE_BY_NAME[filter.change] });
  switch (filter.decision) {
    case undefined:
      break;
    case "undecided":
      and.push({ decision: null, change: { not: "REMOVED" } });
      break;
    case "prefilled":
      and.push({ decisionPrefilled: true });
      break;
    default:
      and.push({ decision: DECISION_BY_NAME[filter.decision], decisionPrefilled: false });
  }
  if (filter.q) {
    const contains = { contains: filter.q, mode: "insensitive" as const };
    and.push({
      OR: [
        { personName: contains },
        { personEmail: contains },
        { accountName: contains },
        { accountId: contains },
        { pathLabel: contains },
        { permissionSetName: contains },
        { roleArn: contains },
      ],
    });
  }
  return { AND: and };
}
