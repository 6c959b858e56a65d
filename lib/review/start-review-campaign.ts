import { getAccessContext } from "../access";
import { recordAudit, type AuditActor } from "../audit";
import type { PrismaClient, PrismaTypes, TransactionClient } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { getLatestReadableSnapshot } from "../snapshot";
import { buildReviewRows, type ReviewRowDraft } from "./build-review-rows";
import { chooseReviewer } from "./choose-reviewer";
import { classifyChange } from "./classify-change";
import { loadOpenFindings } from "./load-open-findings";
import { loadPreviousRows, type PreviousRow } from "./previous-rows";
import { refreshCounts } from "./refresh-counts";
import { reviewSettings, type ReviewSettings } from "./review-settings";
import { CAMPAIGN_SELECT, toCampaignView } from "./review-views";
import type { ReviewCampaignView } from "./review-types";
import { weekLabel, weekStart } from "./week-start";

export interface StartReviewCampaignInput {
  actor: AuditActor;
  now?: Date;
  /** a COMPLETE snapshot; the latest complete one when absent */
  snapshotId?: number;
  /** from the environment when absent */
  settings?: ReviewSettings;
}

/** Serialises campaign creation: a concurrent start waits, then finds the period's campaign. */
const REVIEW_START_LOCK = 0x5649_474c_5245_5657n; // "VIGLREVW"
// Rows per INSERT: 29 columns × 2,000 stays under Postgres's 65,535 parameters per statement.
const INSERT_BATCH = 2_000;

/**
 * The campaign of the week holding `now` (Monday 00:00 in VIGIL_TIMEZONE): one row per (person,
 * account, access path) of the latest complete snapshot, compared with the previous campaign
 * (NEW / CHANGED / UNCHANGED with last week's decision carried over / REMOVED), each assigned to a
 * reviewer who is not the person under review. One campaign per week: if the week has one, it is
 * returned as it is. Audited (`review.campaign_started`) in the transaction that creates it.
 */
export async function startReviewCampaign(
  db: PrismaClient,
  input: StartReviewCampaignInput,
): Promise<{ campaign: ReviewCampaignView; isCreated: boolean }> {
  const settings = input.settings ?? reviewSettings(env());
  const now = input.now ?? new Date();
  const periodStart = weekStart(now, settings.timeZone);
  const existing = await campaignOfPeriod(db, periodStart);
  if (existing) return { campaign: existing, isCreated: false };

  const snapshot = await completeSnapshot(db, input.snapshotId);
  const previous = await db.reviewCampaign.findFirst({
    where: { periodStart: { lt: periodStart } },
    orderBy: { periodStart: "desc" },
    select: { id: true },
  });
  const [context, findingsByResource, latest, previousRows] = await Promise.all([
    getAccessContext(db, snapshot.id),
    loadOpenFindings(db),
    getLatestReadableSnapshot(db),
    previous ? loadPreviousRows(db, previous.id) : Promise.resolve(new Map<string, PreviousRow>()),
  ]);
  // CloudTrail after an older snapshot's time is not use as of that snapshot.
  const drafts = await buildReviewRows(db, context, {
    findingsByResource,
    lastUseBefore: latest?.id === snapshot.id ? undefined : snapshot.asOf,
  });
  const accountOwners = new Map(context.state.accounts.map((account) => [account.id, ownerTag(account.tags)]));
  const rows = drafts.sort(campaignOrder).map((draft) => toItemData(draft, previousRows.get(draft.rowKey), accountOwners, settings));
  const currentKeys = new Set(drafts.map((draft) => draft.rowKey));
  const removedIds = [...previousRows.entries()].filter(([key]) => !currentKeys.has(key)).map(([, row]) => row.id);

  return db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(${REVIEW_START_LOCK})`;
      const raced = await campaignOfPeriod(tx, periodStart);
      if (raced) return { campaign: raced, isCreated: false };
      const campaign = await tx.reviewCampaign.create({
        data: {
          name: weekLabel(periodStart, settings.timeZone),
          snapshotId: snapshot.id,
          snapshotAsOf: snapshot.asOf,
          previousCampaignId: previous?.id ?? null,
          periodStart,
          createdBy: actorLabel(input.actor),
        },
        select: { id: true },
      });
      for (let i = 0; i < rows.length; i += INSERT_BATCH)
        await tx.reviewItem.createMany({ data: rows.slice(i, i + INSERT_BATCH).map((row) => ({ ...row, campaignId: campaign.id })) });
      await copyRemoved(tx, campaign.id, removedIds);
      const counts = await refreshCounts(tx, campaign.id);
      await recordAudit(tx, {
        actor: input.actor,
        action: "review.campaign_started",
        target: { type: "review_campaign", id: String(campaign.id), label: weekLabel(periodStart, settings.timeZone) },
        detail: {
          snapshotId: snapshot.id,
          previousCampaignId: previous?.id ?? null,
          periodStart: periodStart.toISOString(),
          rows: counts.total,
          new: counts.byChange.new,
          changed: counts.byChange.changed,
          unchanged: counts.byChange.unchanged,
          removed: counts.byChange.removed,
        },
      });
      const created = await tx.reviewCampaign.findUniqueOrThrow({ where: { id: campaign.id }, select: CAMPAIGN_SELECT });
      return { campaign: toCampaignView(created), isCreated: true };
    },
    // Concurrent starts queue on the lock while the first inserts its rows (100,000+ at scale).
    { maxWait: 60_000, timeout: 30 * 60_000 },
  );
}

async function campaignOfPeriod(db: PrismaClient | TransactionClient, periodStart: Date): Promise<ReviewCampaignView | null> {
  const row = await db.reviewCampaign.findUnique({ where: { periodStart }, select: CAMPAIGN_SELECT });
  return row && toCampaignView(row);
}

/** A PARTIAL snapshot is readable but not a complete account of who has access: reviews need COMPLETE. */
async function completeSnapshot(db: PrismaClient, snapshotId: number | undefined): Promise<{ id: number; asOf: Date }> {
  if (snapshotId !== undefined) {
    const snapshot = await db.snapshot.findUnique({ where: { id: snapshotId }, select: { id: true, asOf: true, status: true } });
    if (!snapshot) throw new AppError("NOT_FOUND", `snapshot ${snapshotId} not found`);
    if (snapshot.status !== "COMPLETE")
      throw new AppError("CONFLICT", `snapshot ${snapshotId} is ${snapshot.status.toLowerCase()}; a review needs a complete snapshot`);
    return snapshot;
  }
  const latest = await db.snapshot.findFirst({ where: { status: "COMPLETE" }, orderBy: { id: "desc" }, select: { id: true, asOf: true } });
  if (!latest) throw new AppError("NOT_FOUND", "no complete snapshot yet; take one first (`vigil snapshot`)");
  return latest;
}

function ownerTag(tags: Record<string, string> | null): string | null {
  for (const [key, value] of Object.entries(tags ?? {})) if (key.toLowerCase() === "vigil:owner") return value;
  return null;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function campaignOrder(a: ReviewRowDraft, b: ReviewRowDraft): number {
  return (
    compare(a.accountName ?? a.accountId, b.accountName ?? b.accountId) ||
    compare(a.accountId, b.accountId) ||
    compare(a.personName, b.personName) ||
    compare(a.pathLabel, b.pathLabel) ||
    compare(a.rowKey, b.rowKey)
  );
}

type ItemData = Omit<PrismaTypes.ReviewItemCreateManyInput, "campaignId">;

function toItemData(
  draft: ReviewRowDraft,
  previous: PreviousRow | undefined,
  accountOwners: Map<string, string | null>,
  settings: ReviewSettings,
): ItemData {
  const { change, changeDetail } = classifyChange(previous, draft);
  const reviewer = chooseReviewer(
    {
      accountOwnerTag: accountOwners.get(draft.accountId) ?? null,
      accountId: draft.accountId,
      groupNames: draft.groupNames,
      personEmail: draft.personEmail,
    },
    settings,
  );
  const carried = change === "UNCHANGED" && previous?.decision ? previous : null;
  const { groupNames: _groups, via, findings, ...fields } = draft;
  return {
    ...fields,
    via: via as unknown as PrismaTypes.InputJsonArray,
    findings: findings as unknown as PrismaTypes.InputJsonArray,
    change,
    changeDetail: changeDetail ? (changeDetail as PrismaTypes.InputJsonObject) : undefined,
    ...reviewer,
    ...(carried
      ? {
          decision: carried.decision,
          decisionComment: carried.decisionComment,
          decidedById: carried.decidedById,
          decidedByName: carried.decidedByName,
          decidedAt: carried.decidedAt,
          decisionPrefilled: true,
        }
      : {}),
  };
}

/** Last week's rows that are gone: listed for the record as REMOVED, needing no decision. */
async function copyRemoved(tx: TransactionClient, campaignId: number, ids: number[]): Promise<void> {
  for (let i = 0; i < ids.length; i += INSERT_BATCH) {
    const rows = await tx.reviewItem.findMany({ where: { id: { in: ids.slice(i, i + INSERT_BATCH) } }, orderBy: { id: "asc" } });
    await tx.reviewItem.createMany({
      data: rows.map((row) => ({
        campaignId,
        rowKey: row.rowKey,
        personKey: row.personKey,
        personName: row.personName,
        personEmail: row.personEmail,
        accountId: row.accountId,
        accountName: row.accountName,
        permissionSetName: row.permissionSetName,
        permissionSetArn: row.permissionSetArn,
        roleArn: row.roleArn,
        via: row.via as PrismaTypes.InputJsonValue,
        pathLabel: row.pathLabel,
        effectiveSessionSeconds: row.effectiveSessionSeconds,
        cappedByChaining: row.cappedByChaining,
        conditional: row.conditional,
        lastUsedAt: row.lastUsedAt,
        findings: row.findings as PrismaTypes.InputJsonValue,
        change: "REMOVED",
        reviewerEmail: row.reviewerEmail,
        reviewerSource: row.reviewerSource,
        permissionSetHash: row.permissionSetHash,
      })),
    });
  }
}

/** How `createdBy` names who started it: `system`, `cli:<os user>`, `user:<id>`. */
function actorLabel(actor: AuditActor): string {
  switch (actor.type) {
    case "system":
      return actor.name ? `system:${actor.name}` : "system";
    case "cli":
      return `cli:${actor.osUser}`;
    case "user":
      return `user:${actor.id}`;
    case "anonymous":
      return `anonymous:${actor.name}`;
  }
}
