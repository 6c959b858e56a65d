import type { EdgeCondition, GraphNodeKind } from "../graph";

/** The first link missing on the closest chain, in chain order. */
export type MissingLinkCode =
  | "NO_ASSIGNMENT"
  | "NOT_PROVISIONED"
  | "TRUST_DOES_NOT_NAME"
  | "CONDITION_NOT_MET"
  | "IDENTITY_LACKS_ASSUME"
  | "SCP_DENIES"
  /** every document read here allows it, yet the evaluator did not (a boundary, an identity Deny, …) */
  | "UNDECIDED";

/** How far along the chain each missing link is: a later one is closer to working. */
export const LINK_ORDER: Record<MissingLinkCode, number> = {
  NO_ASSIGNMENT: 0,
  NOT_PROVISIONED: 1,
  TRUST_DOES_NOT_NAME: 2,
  CONDITION_NOT_MET: 3,
  IDENTITY_LACKS_ASSUME: 4,
  SCP_DENIES: 5,
  UNDECIDED: 6,
};

export interface ChainStep {
  kind: GraphNodeKind | "MISSING";
  id: string | null;
  label: string;
  arn: string | null;
  accountId: string | null;
}

export interface AccessFix {
  text: string;
  cli: string | null;
  terraform: string | null;
}

export interface MissingLink {
  code: MissingLinkCode;
  /** one sentence: what is missing and where */
  summary: string;
  /** the document text that decides it (a statement's JSON, an assignment), and where it is */
  fragment: { source: string; json: string } | null;
  fix: AccessFix;
}

export interface AccessExplanation {
  snapshotId: number | null;
  subject: { kind: string; label: string };
  target: { arn: string; roleName: string; accountId: string; accountName: string | null };
  reachable: boolean;
  /** the path that reaches the target, or the closest chain tried ending in the missing step */
  chain: ChainStep[];
  /** request-time conditions a reachable path holds under */
  conditions: EdgeCondition[];
  missing: MissingLink | null;
  /** chains considered */
  tried: number;
}
