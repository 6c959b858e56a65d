import { z } from "zod";
import type { RoleName } from "../auth";
import type { AuthMethod, Prisma } from "../db";

export type ReviewDecisionName = "keep" | "revoke" | "needs-info";
export type ReviewChangeName = "new" | "changed" | "unchanged" | "removed";
export type ReviewerSourceName = "account-owner" | "group-owner" | "default" | "unassigned";
export type RevokeStateName = "pending" | "done" | "not-done";

export const REVIEW_DECISION_NAMES = ["keep", "revoke", "needs-info"] as const satisfies readonly ReviewDecisionName[];
export const REVIEW_CHANGE_NAMES = ["new", "changed", "unchanged", "removed"] as const satisfies readonly ReviewChangeName[];

export const DECISION_BY_NAME: Record<ReviewDecisionName, Prisma.ReviewDecision> = {
  keep: "KEEP",
  revoke: "REVOKE",
  "needs-info": "NEEDS_INFO",
};
export const DECISION_NAME: Record<Prisma.ReviewDecision, ReviewDecisionName> = {
  KEEP: "keep",
  REVOKE: "revoke",
  NEEDS_INFO: "needs-info",
};
export const CHANGE_BY_NAME: Record<ReviewChangeName, Prisma.ReviewChange> = {
  new: "NEW",
  changed: "CHANGED",
  unchanged: "UNCHANGED",
  removed: "REMOVED",
};
export const CHANGE_NAME: Record<Prisma.ReviewChange, ReviewChangeName> = {
  NEW: "new",
  CHANGED: "changed",
  UNCHANGED: "unchanged",
  REMOVED: "removed",
};
export const REVIEWER_SOURCE_NAME: Record<Prisma.ReviewerSource, ReviewerSourceName> = {
  ACCOUNT_OWNER: "account-owner",
  GROUP_OWNER: "group-owner",
  DEFAULT: "default",
  UNASSIGNED: "unassigned",
};
export const REVOKE_STATE_NAME: Record<Prisma.ReviewRevokeState, RevokeStateName> = {
  PENDING: "pending",
  DONE: "done",
  NOT_DONE: "not-done",
};

export type ReviewCounts = {
  total: number;
  byChange: Record<ReviewChangeName, number>;
  byDecision: Record<ReviewDecisionName | "undecided" | "prefilled", number>;
};

export interface ReviewCampaignView {
  id: number;
  name: string;
  status: "open" | "signed-off";
  snapshotId: number;
  snapshotAsOf: Date;
  previousCampaignId: number | null;
  periodStart: Date;
  createdAt: Date;
  createdBy: string;
  counts: ReviewCounts;
  signedOffAt: Date | null;
  signedOffByName: string | null;
  signOffComment: string | null;
  /** the audit sequence as a decimal string */
  signOffAuditSequence: string | null;
  signOffAuditHash: string | null;
}

export interface ReviewHop {
  kind: string;
  id: string;
  label: string;
  arn: string | null;
}

export interface ReviewFindingRef {
  id: number;
  rule: string;
  severity: string;
  title: string;
}

/** What a row says about one way a person reaches an account: the same before and after it is stored. */
export interface ReviewPathFields {
  rowKey: string;
  personKey: string;
  personName: string;
  personEmail: string | null;
  accountId: string;
  accountName: string | null;
  permissionSetName: string | null;
  permissionSetArn: string | null;
  roleArn: string | null;
  via: ReviewHop[];
  pathLabel: string;
  effectiveSessionSeconds: number;
  cappedByChaining: boolean;
  conditional: boolean;
  lastUsedAt: Date | null;
  findings: ReviewFindingRef[];
}

export interface ReviewItemView extends ReviewPathFields {
  id: number;
  campaignId: number;
  change: ReviewChangeName;
  changeDetail: Record<string, { from: unknown; to: unknown }> | null;
  reviewerEmail: string | null;
  reviewerSource: ReviewerSourceName;
  decision: ReviewDecisionName | null;
  decisionComment: string | null;
  decidedByName: string | null;
  decidedAt: Date | null;
  decisionPrefilled: boolean;
  revokeState: RevokeStateName | null;
}

/**
 * The signed-in Vigil user deciding or signing off (lib/auth's session user). `method` is how they
 * signed in, for the audit entry; LOCAL when the caller does not say.
 */
export interface Reviewer {
  id: string;
  name: string;
  email: string;
  role: RoleName;
  method?: AuthMethod;
}

export const REVIEW_HOPS = z.array(z.object({ kind: z.string(), id: z.string(), label: z.string(), arn: z.string().nullable() }));
export const REVIEW_FINDING_REFS = z.array(z.object({ id: z.number(), rule: z.string(), severity: z.string(), title: z.string() }));
export const CHANGE_DETAIL = z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })).nullable();
