import { beforeAll, describe, expect, it } from "vitest";
import { findAccess } from "../access";
import { ADMIN_PS, ADMIN_ROLE, CI_USER, DEV, PROD, TEAM_ROLE, VIEW_PS, accessInventory } from "../access/testing/access-inventory";
import { getAuditHead } from "../audit";
import type { OrgInventory } from "../aws";
import { AppError } from "../errors";
import { takeSnapshot } from "../snapshot";
import { useTestDatabase } from "../testing/use-test-database";
import {
  checkRevokes,
  decideReviewItems,
  findReviewItems,
  findReviewRemediations,
  getReviewProgress,
  parseReviewOwners,
  sendReviewReminders,
  signOffReviewCampaign,
  startReviewCampaign,
  type Reviewer,
  type ReviewSettings,
} from ".";

const database = useTestDatabase();

const WEEK_1 = new Date("2026-11-25T10:00:00Z");
const WEEK_2 = new Date("2026-12-02T10:00:00Z");
const SETTINGS: ReviewSettings = {
  // alice owns prod, where she herself has access: her rows there go to the Devs group's owner.
  owners: parseReviewOwners(`account:${PROD}=alice@example.com,group:Devs=owner@example.com`),
  defaultReviewer: "sec@example.com",
  cron: "0 6 * * 1",
  reminderCron: "0 9 * * *",
  timeZone: "UTC",
};
const actor = { type: "system" as const, name: "test" };
const person = (name: string, role: Reviewer["role"] = "viewer"): Reviewer => ({
  id: `u-${name}`,
  name,
  email: `${name}@example.com`,
  role,
});
const ALICE = person("alice");
const OWNER = person("owner");
const AUDITOR = person("audit", "auditor");

async function snapshot(state: OrgInventory): Promise<number> {
  const result = await takeSnapshot(database.db, { source: "LIVE", collect: async () => state });
  expect(result.status).toBe("COMPLETE");
  return result.id;
}

/** Week 1's organization, with the dev account tagged with its owner. */
function week1(): OrgInventory {
  const state = accessInventory();
  state.accounts.find((a) => a.id === DEV)!.tags = { "vigil:owner": "devlead@example.com" };
  return state;
}

async function allRows(campaignId: number) {
  return (await findReviewItems(database.db, campaignId, {}, { page: 1, pageSize: 10_000 })).rows;
}

describe("weekly access-review campaigns (real database)", () => {
  let first: number;

  beforeAll(async () => {
    await snapshot(week1());
  });

  it("lists every person's paths as lib/access does, with the IAM user's own credentials as a row", async () => {
    // Given a complete snapshot
    // When the week's campaign starts
    const { campaign, isCreated } = await startReviewCampaign(database.db, { actor, now: WEEK_1, settings: SETTINGS });
    first = campaign.id;
    // Then alice's rows are exactly her paths in lib/access, all NEW in a first campaign
    expect(isCreated).toBe(true);
    expect(campaign.periodStart.toISOString()).toBe("2026-11-23T00:00:00.000Z");
    const rows = await allRows(first);
    const access = await findAccess(database.db, { principal: "alice", pageSize: 1000 });
    const aliceRows = rows.filter((row) => row.personEmail === "alice@example.com");
    expect(aliceRows.map((row) => `${row.accountId} ${row.roleArn} ${row.via.map((h) => h.id).join(">")}`).sort()).toEqual(
      access.rows.map((row) => `${row.accountId} ${row.roleArn} ${row.via.map((h) => h.id).join(">")}`).sort(),
    );
    const adminRow = aliceRows.find((row) => row.roleArn === ADMIN_ROLE)!;
    expect(adminRow).toMatchObject({ permissionSetArn: ADMIN_PS, effectiveSessionSeconds: 28_800, change: "new", decision: null });
    expect(adminRow.pathLabel).toContain("Devs (group)");
    expect(aliceRows.find((row) => row.roleArn === TEAM_ROLE)).toMatchObject({ effectiveSessionSeconds: 3600, cappedByChaining: true });
    expect(rows.find((row) => row.personKey === CI_USER && row.via.length === 1)).toMatchObject({ accountId: DEV, roleArn: null });
    expect(campaign.counts).toMatchObject({ total: rows.length, byChange: { new: rows.length }, byDecision: { undecided: rows.length } });
  });

  it("never assigns a person their own access: alice's prod rows go to the group's owner, not to alice who owns prod", async () => {
    const rows = await allRows(first);
    for (const row of rows.filter((r) => r.personEmail === "alice@example.com" && r.accountId === PROD))
      expect(row).toMatchObject({ reviewerEmail: "owner@example.com", reviewerSource: "group-owner" });
    expect(rows.find((r) => r.personEmail === "bob@example.com")).toMatchObject({
      reviewerEmail: "devlead@example.com",
      reviewerSource: "account-owner",
    });
    expect(rows.find((r) => r.personKey === CI_USER && r.accountId === PROD)).toMatchObject({
      reviewerEmail: "alice@example.com",
      reviewerSource: "account-owner",
    });
  });

  it("twenty parallel starts of the same week make one campaign", async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        startReviewCampaign(database.db, { actor, now: new Date(WEEK_1.getTime() + 3600_000), settings: SETTINGS }),
      ),
    );
    expect(new Set(results.map((r) => r.campaign.id))).toEqual(new Set([first]));
    expect(results.filter((r) => r.isCreated)).toHaveLength(0);
    expect(await database.db.reviewCampaign.count()).toBe(1);
  });

  it("refuses a reviewer's own access and another reviewer's rows, and decides the rest of a filtered bulk selection", async () => {
    // alice may decide ci's prod rows (assigned to her) but not her own rows, whoever they are assigned to
    const aliceRows = (await allRows(first)).filter((r) => r.personEmail === "alice@example.com");
    const own = aliceRows.map((r) => r.id);
    const refused = await decideReviewItems(database.db, {
      campaignId: first,
      itemIds: own,
      decision: "keep",
      reviewer: { ...ALICE, role: "auditor" },
    });
    expect(refused.decided).toBe(0);
    expect(refused.skipped.map((s) => s.reason)).toEqual(own.map(() => "your own access: another reviewer decides it"));

    const bulk = await decideReviewItems(database.db, {
      campaignId: first,
      filter: { reviewer: "owner@example.com" },
      decision: "keep",
      reviewer: OWNER,
    });
    expect(bulk).toEqual({ decided: aliceRows.filter((r) => r.accountId === PROD).length, skipped: [] });
    const notMine = await decideReviewItems(database.db, {
      campaignId: first,
      filter: { reviewer: "devlead@example.com" },
      decision: "keep",
      reviewer: OWNER,
    });
    expect(notMine.decided).toBe(0);
    expect(notMine.skipped[0]?.reason).toBe("assigned to another reviewer");
    await expect(
      decideReviewItems(database.db, { campaignId: first, filter: { person: "bob@example.com" }, decision: "revoke", reviewer: AUDITOR }),
    ).rejects.toThrow(/needs a comment/);
    const audited = await database.db.auditEntry.count({ where: { action: "review.decided" } });
    expect(audited).toBe(bulk.decided);
  });

  it("refuses sign-off while rows are undecided, naming how many per reviewer; then records the audit head after its own entry", async () => {
    await expect(signOffReviewCampaign(database.db, { campaignId: first, auditor: AUDITOR })).rejects.toThrow(
      /5 row\(s\) still undecided.*devlead@example\.com: 4, alice@example\.com: 1/,
    );
    await expect(signOffReviewCampaign(database.db, { campaignId: first, auditor: OWNER })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await decideReviewItems(database.db, {
      campaignId: first,
      filter: { person: "bob@example.com" },
      decision: "revoke",
      comment: "left the team",
      reviewer: AUDITOR,
    });
    await decideReviewItems(database.db, { campaignId: first, filter: { decision: "undecided" }, decision: "keep", reviewer: AUDITOR });
    const progress = await getReviewProgress(database.db, first);
    expect(progress.every((p) => p.decided === p.total)).toBe(true);

    const signed = await signOffReviewCampaign(database.db, { campaignId: first, auditor: AUDITOR, comment: "week 1 done" });
    const head = await getAuditHead(database.db);
    expect(signed).toMatchObject({
      status: "signed-off",
      signedOffByName: "audit",
      signOffAuditHash: head!.hash,
      signOffAuditSequence: head!.sequence.toString(),
    });
    const entry = await database.db.auditEntry.findUnique({ where: { sequence: head!.sequence } });
    expect(entry?.action).toBe("review.signed_off");
    await expect(
      decideReviewItems(database.db, { campaignId: first, filter: {}, decision: "keep", reviewer: AUDITOR }),
    ).rejects.toBeInstanceOf(AppError);
  });

  it("gives the revoke its exact assignment to delete", async () => {
    const [remedy] = await findReviewRemediations(database.db, first);
    expect(remedy?.item.personEmail).toBe("bob@example.com");
    expect(remedy?.awsCli).toContain(
      `aws sso-admin delete-account-assignment --instance-arn arn:aws:sso:::instance/ssoins-test --target-id ${DEV} --target-type AWS_ACCOUNT --permission-set-arn ${VIEW_PS} --principal-type USER --principal-id u-bob`,
    );
    expect(remedy?.terraform).toContain("aws_ssoadmin_account_assignment");
    expect(remedy?.revokeState).toBe("pending");
  });

  it("next week marks access added as NEW, the revoked one REMOVED, a longer session CHANGED, and carries last week's decision to UNCHANGED rows", async () => {
    // Given bob's assignment removed, carol assigned, and Admin's session lengthened from 8 h to 12 h
    const state = week1();
    const idc = state.identityCenter!;
    idc.assignments = idc.assignments.filter((a) => a.principalId !== "u-bob");
    idc.assignments.push({
      key: `${DEV}|${VIEW_PS}|USER|u-carol`,
      accountId: DEV,
      permissionSetArn: VIEW_PS,
      principalType: "USER",
      principalId: "u-carol",
    });
    idc.permissionSets.find((p) => p.arn === ADMIN_PS)!.sessionDuration = "PT12H";
    const snapshotB = await snapshot(state);
    // Then the first complete snapshot after the revoke says it was carried out
    expect(await checkRevokes(database.db, snapshotB)).toEqual({ checked: 1, done: 1, notDone: 0 });

    // When next week's campaign starts
    const { campaign } = await startReviewCampaign(database.db, { actor, now: WEEK_2, settings: SETTINGS });
    expect(campaign.previousCampaignId).toBe(first);
    const rows = await allRows(campaign.id);
    expect(rows.find((r) => r.personEmail === "carol@example.com")).toMatchObject({ change: "new", decision: null });
    expect(rows.find((r) => r.personEmail === "bob@example.com")).toMatchObject({ change: "removed", decision: null });
    expect(rows.find((r) => r.roleArn === ADMIN_ROLE)).toMatchObject({
      change: "changed",
      changeDetail: expect.objectContaining({ effectiveSessionSeconds: { from: 28_800, to: 43_200 } }) as unknown,
    });
    const ci = rows.filter((r) => r.personKey === CI_USER);
    expect(ci.length).toBeGreaterThan(0);
    for (const row of ci) expect(row).toMatchObject({ change: "unchanged", decision: "keep", decisionPrefilled: true });
    expect(campaign.counts.byChange.removed).toBe(1);
    expect(campaign.counts.byDecision.prefilled).toBe(ci.length);

    // And confirming a carried-over decision clears its mark
    await decideReviewItems(database.db, { campaignId: campaign.id, itemIds: [ci[0]!.id], decision: "keep", reviewer: AUDITOR });
    const [confirmed] = (await findReviewItems(database.db, campaign.id, { person: CI_USER, decision: "keep" }, { page: 1, pageSize: 10 }))
      .rows;
    expect(confirmed).toMatchObject({ id: ci[0]!.id, decisionPrefilled: false });
  });

  it("a revoke still in place at the next complete snapshot is NOT_DONE", async () => {
    const campaign = await database.db.reviewCampaign.findFirstOrThrow({ orderBy: { id: "desc" } });
    const carol = (await findReviewItems(database.db, campaign.id, { person: "carol@example.com" }, { page: 1, pageSize: 10 })).rows[0]!;
    await decideReviewItems(database.db, {
      campaignId: campaign.id,
      itemIds: [carol.id],
      decision: "revoke",
      comment: "no",
      reviewer: AUDITOR,
    });
    const state = week1();
    const idc = state.identityCenter!;
    idc.assignments = idc.assignments.filter((a) => a.principalId !== "u-bob");
    idc.assignments.push({
      key: `${DEV}|${VIEW_PS}|USER|u-carol`,
      accountId: DEV,
      permissionSetArn: VIEW_PS,
      principalType: "USER",
      principalId: "u-carol",
    });
    const snapshotC = await snapshot(state);
    expect(await checkRevokes(database.db, snapshotC)).toEqual({ checked: 1, done: 0, notDone: 1 });
    expect(await checkRevokes(database.db, snapshotC)).toEqual({ checked: 0, done: 0, notDone: 0 });
  });

  it("reminds each reviewer with pending rows once a day", async () => {
    const now = new Date();
    const { reminded } = await sendReviewReminders(database.db, now);
    expect(reminded).toBeGreaterThan(0);
    const notifications = await database.db.notification.findMany({ where: { kind: "review.reminder" } });
    expect(notifications).toHaveLength(reminded);
    expect(await sendReviewReminders(database.db, new Date(now.getTime() + 3600_000))).toEqual({ reminded: 0 });
  });
});
