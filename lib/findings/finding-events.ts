/**
 * The CloudTrail facts the rules read, already narrowed to the snapshot's 90-day window by
 * load-finding-events.ts (rules stay pure and never see millions of raw events).
 */
export interface TrailEventSummary {
  eventId: string;
  eventTime: string;
  eventName: string;
  accountId: string;
  actorArn: string | null;
  sourceIp: string | null;
  userAgent: string | null;
  mfaUsed: boolean | null;
  success: boolean;
}

/** A write event that changed a resource: who (caller, Identity Center user), when, from where. */
export interface ChangeEventSummary {
  eventId: string;
  eventTime: string;
  eventName: string;
  accountId: string;
  actorArn: string | null;
  identityCenterUser: string | null;
  sourceIp: string | null;
  userAgent: string | null;
  success: boolean;
  errorCode: string | null;
}

/** Does ingested CloudTrail cover [asOf − 90 days, asOf] for one account (see trail-coverage.ts)? */
export interface TrailCoverage {
  accountId: string;
  covered: boolean;
  /** oldest time the ingestion provably reached back to for this account */
  from: string | null;
  /** newest time every ingested region of the account is read up to */
  to: string | null;
  reason: string;
}

/** Latest use of one permission set in one account by one Identity Center user (AssumeRoleWithSAML / Federate). */
export interface PermissionSetUse {
  accountId: string;
  permissionSetName: string;
  /** Identity Center user name; null when the event did not say */
  userName: string | null;
  lastUsedAt: string;
  events: number;
}

/** Activity of one designated (break-glass) IAM user in the window. */
export interface PrincipalActivity {
  accountId: string;
  userArn: string;
  userName: string;
  events: number;
  firstAt: string;
  lastAt: string;
  /** the newest few events, newest first */
  samples: TrailEventSummary[];
}

export interface FindingEvents {
  /** start of the window the event facts cover (asOf − 90 days) */
  windowStart: string;
  windowEnd: string;
  coverage: ReadonlyMap<string, TrailCoverage>;
  permissionSetUse: PermissionSetUse[];
  breakglassActivity: PrincipalActivity[];
  /** `UpdateAssumeRolePolicy` events of each role whose trust left its baseline, by role ARN, newest first (who changed it) */
  trustPolicyUpdates: ReadonlyMap<string, ChangeEventSummary[]>;
}

export function noFindingEvents(asOf: Date): FindingEvents {
  return {
    windowStart: new Date(asOf.getTime() - 90 * 86_400_000).toISOString(),
    windowEnd: asOf.toISOString(),
    coverage: new Map(),
    permissionSetUse: [],
    breakglassActivity: [],
    trustPolicyUpdates: new Map(),
  };
}
