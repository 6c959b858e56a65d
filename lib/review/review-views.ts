import type { Prisma } from "../db";
import {
  CHANGE_DETAIL,
  CHANGE_NAME,
  DECISION_NAME,
  REVIEW_CHANGE_NAMES,
  REVIEW_FINDING_REFS,
  REVIEW_HOPS,
  REVIEWER_SOURCE_NAME,
  REVOKE_STATE_NAME,
  type ReviewCampaignView,
  type ReviewCounts,
  type ReviewItemView,
} from "./review-types";

export const CAMPAIGN_SELECT = {
  id: true,
  name: true,
  status: true,
  snapshotId: true,
  snapshotAsOf: true,
  previousCampaignId: true,
  periodStart: true,
  createdAt: true,
  createdBy: true,
  counts: true,
  signedOffAt: true,
  signedOffByName: true,
  signOffComment: true,
  signOffAuditSequence: true,
  signOffAuditHash: true,
} as const;

type CampaignRow = {
  id: number;
  name: string;
  status: Prisma.ReviewCampaignStatus;
  snapshotId: number;
  snapshotAsOf: Date;
  previousCampaignId: number | null;
  periodStart: Date;
  createdAt: Date;
  createdBy: string;
  counts: unknown;
  signedOffAt: Date | null;
  signedOffByName: string | null;
  signOffComment: string | null;
  signOffAuditSequence: bigint | null;
  signOffAuditHash: string | null;
};

export function emptyCounts(): ReviewCounts {
  return {
    total: 0,
    byChange: { new: 0, changed: 0, unchanged: 0, removed: 0 },
    byDecision: { keep: 0, revoke: 0, "needs-info": 0, undecided: 0, prefilled: 0 },
  };
}

/** The stored counts, or zeros for a shape this version does not know. */
function countsOf(value: unknown): ReviewCounts {
  const counts = emptyCounts();
  if (!value || typeof value !== "object") return counts;
  const stored = value as Partial<ReviewCounts>;
  counts.total = typeof stored.total === "number" ? stored.total : 0;
  for (const change of REVIEW_CHANGE_NAMES) counts.byChange[change] = Number(stored.byChange?.[change] ?? 0);
  for (const key of Object.keys(counts.byDecision) as Array<keyof ReviewCounts["byDecision"]>)
    counts.byDecision[key] = Number(stored.byDecision?.[key] ?? 0);
  return counts;
}

export function toCampaignView(row: CampaignRow): ReviewCampaignView {
  return {
    id: row.id,
    name: row.name,
    status: row.status === "SIGNED_OFF" ? "signed-off" : "open",
    snapshotId: row.snapshotId,
    snapshotAsOf: row.snapshotAsOf,
    previousCampaignId: row.previousCampaignId,
    periodStart: row.periodStart,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    counts: countsOf(row.counts),
    signedOffAt: row.signedOffAt,
    signedOffByName: row.signedOffByName,
    signOffComment: row.signOffComment,
    signOffAuditSequence: row.signOffAuditSequence === null ? null : row.signOffAuditSequence.toString(),
    signOffAuditHash: row.signOffAuditHash,
  };
}

export const ITEM_SELECT = {
  id: true,
  campaignId: true,
  rowKey: true,
  personKey: true,
  personName: true,
  personEmail: true,
  accountId: true,
  accountName: true,
  permissionSetName: true,
  permissionSetArn: true,
  roleArn: true,
  via: true,
  pathLabel: true,
  effectiveSessionSeconds: true,
  cappedByChaining: true,
  conditional: true,
  lastUsedAt: true,
  findings: true,
  change: true,
  changeDetail: true,
  reviewerEmail: true,
  reviewerSource: true,
  decision: true,
  decisionComment: true,
  decidedByName: true,
  decidedAt: true,
  decisionPrefilled: true,
  revokeState: true,
} as const;

type ItemRow = {
  id: number;
  campaignId: number;
  rowKey: string;
  personKey: string;
  personName: string;
  personEmail: string | null;
  accountId: string;
  accountName: string | null;
  permissionSetName: string | null;
  permissionSetArn: string | null;
  roleArn: string | null;
  via: unknown;
  pathLabel: string;
  effectiveSessionSeconds: number;
  cappedByChaining: boolean;
  conditional: boolean;
  lastUsedAt: Date | null;
  findings: unknown;
  change: Prisma.ReviewChange;
  changeDetail: unknown;
  reviewerEmail: string | null;
  reviewerSource: Prisma.ReviewerSource;
  decision: Prisma.ReviewDecision | null;
  decisionComment: string | null;
  decidedByName: string | null;
  decidedAt: Date | null;
  decisionPrefilled: boolean;
  revokeState: Prisma.ReviewRevokeState | null;
};

export function toItemView(row: ItemRow): ReviewItemView {
  return {
    id: row.id,
    campaignId: row.campaignId,
    rowKey: row.rowKey,
    personKey: row.personKey,
    personName: row.personName,
    personEmail: row.personEmail,
    accountId: row.accountId,
    accountName: row.accountName,
    permissionSetName: row.permissionSetName,
    permissionSetArn: row.permissionSetArn,
    roleArn: row.roleArn,
    via: REVIEW_HOPS.catch([]).parse(row.via),
    pathLabel: row.pathLabel,
    effectiveSessionSeconds: row.effectiveSessionSeconds,
    cappedByChaining: row.cappedByChaining,
    conditional: row.conditional,
    lastUsedAt: row.lastUsedAt,
    findings: REVIEW_FINDING_REFS.catch([]).parse(row.findings),
    change: CHANGE_NAME[row.change],
    changeDetail: CHANGE_DETAIL.catch(null).parse(row.changeDetail ?? null) as ReviewItemView["changeDetail"],
    reviewerEmail: row.reviewerEmail,
    reviewerSource: REVIEWER_SOURCE_NAME[row.reviewerSource],
    decision: row.decision ? DECISION_NAME[row.decision] : null,
    decisionComment: row.decisionComment,
    decidedByName: row.decidedByName,
    decidedAt: row.decidedAt,
    decisionPrefilled: row.decisionPrefilled,
    revokeState: row.revokeState ? REVOKE_STATE_NAME[row.revokeState] : null,
  };
}
