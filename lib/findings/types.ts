import type { OrgInventory } from "../aws";
import type { LatestDrill } from "../breakglass";
import type { TrustGraph } from "../graph";
import type { FindingEvents } from "./finding-events";
import type { FindingSettings } from "./findings-settings";
import type { TrustBaseline } from "./trust-baseline";

export const SEVERITIES = ["critical", "high", "medium", "low", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const RULE_IDS = [
  "ORPHANED_IAM_USER",
  "STALE_ACCESS_KEY",
  "CONSOLE_WITHOUT_MFA",
  "ROOT_ACCESS_KEY",
  "TRUST_POLICY_DRIFT",
  "TRUST_DANGLING_PRINCIPAL",
  "TRUST_EXTERNAL_ACCOUNT",
  "TRUST_WHOLE_ACCOUNT",
  "TRUST_WILDCARD",
  "PROXY_PERMISSION_SET_NOT_EMPTY",
  "PROXY_CHAIN_BROKEN",
  "DIRECT_USER_ASSIGNMENT",
  "UNUSED_ASSIGNMENT",
  "LONG_SESSION_SENSITIVE_ACCOUNT",
  "INLINE_POLICY_NEAR_LIMIT",
  "BREAKGLASS_USED_WITHOUT_CHECKOUT",
  "BREAKGLASS_DRILL_FAILED",
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** Everything a rule may read; rules are pure functions of it. */
export interface RuleInput {
  state: OrgInventory;
  /** null when the graph could not be built: rules that need it return nothing (and resolve nothing) */
  graph: TrustGraph | null;
  events: FindingEvents;
  settings: FindingSettings;
  /** approved trust-policy baselines by role ARN */
  baselines: ReadonlyMap<string, TrustBaseline>;
  /** the snapshot's as-of: every age is measured from it, never from the wall clock */
  asOf: Date;
  /** each registered break-glass credential's latest drill up to the as-of; absent where there is no database (the bench) */
  drills?: readonly LatestDrill[];
}

/** JSON-safe proof of a finding: document fragments, credential-report fields, events. Never a secret. */
export type Evidence = Record<string, unknown>;

export interface FindingCandidate {
  rule: RuleId;
  severity: Severity;
  title: string;
  /** ARN of the thing at fault (or its natural key when it has no ARN, e.g. an assignment) */
  resourceArn: string;
  accountId: string | null;
  evidence: Evidence;
  /**
   * Facts that move with every snapshot (the window, an age in days, how far CloudTrail is read):
   * stored with the evidence, but a change in them alone is not "evidence changed".
   */
  context?: Evidence;
  remediation: string;
  /** rule + resource (+ account, + detail such as the key slot): the same problem keeps it across snapshots */
  fingerprint: string;
}

/**
 * The inventory sections a rule reads. A finding of that rule that disappears from a snapshot is
 * resolved only when every one of them is COLLECTED in that snapshot (for the finding's account).
 */
export type CoverageSection =
  | "organization"
  | "accountTags"
  | "serviceControlPolicies"
  | "iam.authorizationDetails"
  | "iam.credentialReport"
  | "identityCenter.users"
  | "identityCenter.groups"
  | "identityCenter.memberships"
  | "identityCenter.permissionSets"
  | "identityCenter.assignments"
  | "cloudTrail"
  | "trustGraph"
  | "trustBaselines"
  | "breakglassDrills";

export interface Rule {
  id: RuleId;
  severity: Severity;
  /** what the rule checks, in one sentence (CLI/UI help) */
  description: string;
  reads: readonly CoverageSection[];
  evaluate(input: RuleInput): FindingCandidate[];
}
