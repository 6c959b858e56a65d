/**
 * lib/review: weekly access-review campaigns. Each week, every (person, account, access path) of the
 * latest complete snapshot becomes a row compared with last week's, assigned to a reviewer who is
 * not the person; reviewers keep / revoke / ask for information (each decision audited), an auditor
 * signs off (the audit head stored), revokes get remediation commands and the next snapshot says
 * whether they were carried out.
 */
export {
  REVIEW_CHANGE_NAMES,
  REVIEW_DECISION_NAMES,
  type ReviewCampaignView,
  type ReviewChangeName,
  type ReviewCounts,
  type ReviewDecisionName,
  type ReviewFindingRef,
  type ReviewHop,
  type Reviewer,
  type ReviewerSourceName,
  type ReviewItemView,
  type RevokeStateName,
} from "./review-types";
export { REVIEW_ITEM_FILTER, type ReviewItemFilter } from "./review-filter";
export { reviewSettings, parseReviewOwners, type ReviewSettings } from "./review-settings";
export { weekStart, weekLabel } from "./week-start";
export { startReviewCampaign, type StartReviewCampaignInput } from "./start-review-campaign";
export { listReviewCampaigns, getReviewCampaignOrThrow } from "./find-review-campaigns";
export { findReviewItems, iterateReviewItems } from "./find-review-items";
export { decideReviewItems, type DecideReviewItemsInput } from "./decide-review-items";
export { getReviewProgress, type ReviewerProgress } from "./get-review-progress";
export { signOffReviewCampaign, type SignOffReviewCampaignInput } from "./sign-off-review-campaign";
export { findReviewRemediations, type ReviewRemediation } from "./find-review-remediations";
export { checkRevokes } from "./check-revokes";
export { sendReviewReminders } from "./send-review-reminders";
