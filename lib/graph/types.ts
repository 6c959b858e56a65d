/**
 * The trust-chain graph of one snapshot: who is in which group, which permission set is assigned
 * where, which reserved role each provisioning created, and who can assume which role. Node ids are
 * stable across snapshots so paths can be compared and linked.
 */

export type GraphNodeKind =
  | "IDC_USER"
  | "IDC_GROUP"
  | "PERMISSION_SET"
  /** `AWSReservedSSO_<PermissionSet>_<suffix>` in one account */
  | "RESERVED_ROLE"
  | "IAM_ROLE"
  | "IAM_USER"
  | "ACCOUNT"
  /** an account outside the organization named by a trust policy */
  | "EXTERNAL_ACCOUNT"
  /** an AWS service principal (`ec2.amazonaws.com`) */
  | "SERVICE"
  /** a SAML or OIDC provider (`Federated`) */
  | "FEDERATED_PROVIDER"
  /** `Principal: "*"` */
  | "ANY_PRINCIPAL";

/**
 * Node ids: `idc-user:<UserId>`, `idc-group:<GroupId>`, `permission-set:<ARN>`, the role's or
 * user's ARN for RESERVED_ROLE / IAM_ROLE / IAM_USER, `account:<id>`, `external-account:<id>`,
 * `service:<name>`, `federated:<ARN or name>`, `any-principal`.
 */
export interface GraphNode {
  id: string;
  kind: GraphNodeKind;
  /** what a person reads: user name, group name, permission set name, role name, account name */
  label: string;
  accountId: string | null;
  arn: string | null;
}

export type GraphEdgeKind =
  /** IDC_USER → IDC_GROUP */
  | "MEMBER_OF"
  /** IDC_USER | IDC_GROUP → PERMISSION_SET, in `accountId` */
  | "ASSIGNED"
  /** PERMISSION_SET → RESERVED_ROLE (the role Identity Center created in `accountId`) */
  | "PROVISIONED_AS"
  /** IAM_ROLE | RESERVED_ROLE | IAM_USER | EXTERNAL_ACCOUNT | SERVICE | FEDERATED_PROVIDER | ANY_PRINCIPAL → IAM_ROLE | RESERVED_ROLE */
  | "CAN_ASSUME";

/** A request-time condition a can-assume edge depends on (`sts:ExternalId`, `aws:SourceIp`, …). */
export interface EdgeCondition {
  operator: string;
  key: string;
  values: string[];
  /** which policy the condition comes from */
  policy: "trust" | "identity" | "boundary" | "scp";
  statementSid: string | null;
}

export interface GraphEdge {
  from: string;
  to: string;
  kind: GraphEdgeKind;
  /** the account of an assignment / provisioning, the target role's account for CAN_ASSUME */
  accountId: string | null;
  /** CAN_ASSUME only: `sts:AssumeRole`, `sts:AssumeRoleWithSAML` or `sts:AssumeRoleWithWebIdentity` */
  action?: string;
  /**
   * CAN_ASSUME only: true when the edge holds only if request-time conditions hold; they are listed
   * in `conditions`. An unconditional edge has `conditional: false` and no conditions.
   */
  conditional?: boolean;
  conditions?: EdgeCondition[];
  /**
   * CAN_ASSUME only: `trust-policy` when the trust alone grants it (same account, principal named by
   * ARN), `trust-and-identity` when the caller's own identity policies had to allow it too.
   */
  grantedBy?: "trust-policy" | "trust-and-identity";
}

/** What the graph could not decide, said once (e.g. SCPs not collected, an unreadable trust policy). */
export interface GraphNote {
  code: string;
  message: string;
  accountId?: string;
  resourceArn?: string;
}

/** How the can-assume edges were decided (for benchmarks and diagnostics). */
export interface TrustGraphStats {
  evaluations: number;
  cacheHits: number;
  prefiltered: number;
}

export interface TrustGraph {
  snapshotId: number | null;
  nodes: Map<string, GraphNode>;
  edges: GraphEdge[];
  /** edges by `from` and by `to`, for walks in either direction */
  outgoing: Map<string, GraphEdge[]>;
  incoming: Map<string, GraphEdge[]>;
  notes: GraphNote[];
  stats?: TrustGraphStats;
}
