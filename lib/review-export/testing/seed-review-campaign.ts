import { SYSTEM_ACTOR } from "../../audit";
import type { PrismaClient } from "../../db";
import { makeAssignment } from "../../findings/testing/rule-input";
import { decideReviewItems, findReviewItems, signOffReviewCampaign, startReviewCampaign, type Reviewer } from "../../review";
import { takeSnapshot } from "../../snapshot";
import { makeIdcUser, makeInventory } from "../../snapshot/testing/make-inventory";

export const FORMULA = '=HYPERLINK("http://x","y")';
export const MEMBER = "222222222222";
export const REVIEWER: Reviewer = { id: "u-reviewer", name: "Rita Reviewer", email: "rita@example.com", role: "auditor" };
export const AUDITOR: Reviewer = { id: "u-auditor", name: "Aud Itor", email: "auditor@example.com", role: "auditor" };

/**
 * A signed-off campaign over a small organization: three Identity Center users assigned a
 * permission set in one account, one of them named as a spreadsheet formula; two rows kept, one
 * revoked, then signed off.
 */
export async function seedSignedOffCampaign(db: PrismaClient) {
  const inventory = makeInventory({ accounts: { "111111111111": [], [MEMBER]: [] }, users: [], permissionSets: ["Admin"] });
  const idc = inventory.identityCenter;
  const permissionSet = idc?.permissionSets[0];
  if (!idc || !permissionSet) throw new Error("makeInventory gave no Identity Center");
  idc.users = [
    makeIdcUser("mallory", { displayName: FORMULA, primaryEmail: "mallory@example.com" }),
    makeIdcUser("alice"),
    makeIdcUser("bob"),
  ];
  idc.assignments = idc.users.map((user) => makeAssignment(MEMBER, permissionSet.arn, "USER", user.userId));
  const snapshot = await takeSnapshot(db, { source: "LIVE", collect: async () => inventory });
  const settings = {
    defaultReviewer: REVIEWER.email,
    owners: { accounts: new Map(), groups: new Map() },
    cron: "0 6 * * 1",
    reminderCron: "0 9 * * *",
    timeZone: "UTC",
  };
  const { campaign } = await startReviewCampaign(db, { actor: SYSTEM_ACTOR, snapshotId: snapshot.id, settings });
  const { rows } = await findReviewItems(db, campaign.id, {}, { page: 1, pageSize: 100 });
  const bob = rows.find((row) => row.personEmail === "bob@example.com");
  if (!bob) throw new Error(`no row for bob among ${rows.length} rows`);
  await decideReviewItems(db, {
    campaignId: campaign.id,
    itemIds: [bob.id],
    decision: "revoke",
    comment: "left the team",
    reviewer: REVIEWER,
  });
  await decideReviewItems(db, { campaignId: campaign.id, filter: { decision: "undecided" }, decision: "keep", reviewer: REVIEWER });
  const signed = await signOffReviewCampaign(db, { campaignId: campaign.id, auditor: AUDITOR, comment: "=looks good" });
  return { campaign: signed, snapshotId: snapshot.id, rows };
}
