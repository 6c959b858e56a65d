import type { ReviewSettings } from "./review-settings";

export type ReviewerSourceValue = "ACCOUNT_OWNER" | "GROUP_OWNER" | "DEFAULT" | "UNASSIGNED";

export interface ReviewerChoice {
  reviewerEmail: string | null;
  reviewerSource: ReviewerSourceValue;
}

export interface ReviewerFacts {
  /** the account's `vigil:owner` tag in the snapshot */
  accountOwnerTag: string | null;
  accountId: string;
  /** display names of the groups the path goes through */
  groupNames: readonly string[];
  /** the person under review: never their own reviewer */
  personEmail: string | null;
}

const isEmail = (text: string) => /^[^\s@<>,]+@[^\s@<>,]+$/.test(text);

/**
 * The account's owner (tag, then settings), else the owner of a group on the path, else the default
 * reviewer, else nobody. A candidate who is the person under review is passed over for the next.
 */
export function chooseReviewer(facts: ReviewerFacts, settings: Pick<ReviewSettings, "owners" | "defaultReviewer">): ReviewerChoice {
  const self = facts.personEmail?.trim().toLowerCase() ?? null;
  const candidates: Array<[string | null | undefined, ReviewerSourceValue]> = [
    [facts.accountOwnerTag, "ACCOUNT_OWNER"],
    [settings.owners.accounts.get(facts.accountId), "ACCOUNT_OWNER"],
    ...facts.groupNames.map((name): [string | undefined, ReviewerSourceValue] => [
      settings.owners.groups.get(name.trim().toLowerCase()),
      "GROUP_OWNER",
    ]),
    [settings.defaultReviewer, "DEFAULT"],
  ];
  for (const [candidate, source] of candidates) {
    const email = candidate?.trim().toLowerCase();
    if (!email || !isEmail(email) || email === self) continue;
    return { reviewerEmail: email, reviewerSource: source };
  }
  return { reviewerEmail: null, reviewerSource: "UNASSIGNED" };
}
