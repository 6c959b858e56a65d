import type { IsoDateTime, PolicyDocument, Tags } from "./types-common";

export interface Organization {
  id: string;
  arn: string;
  featureSet: string | null;
  managementAccountId: string;
  managementAccountEmail: string | null;
}

export interface OrgRoot {
  /** natural key: root id (`r-…`) */
  key: string;
  id: string;
  arn: string;
  name: string;
  policyTypes: Array<{ type: string; status: string }>;
}

export interface OrgUnit {
  /** natural key: OU id (`ou-…`) */
  key: string;
  id: string;
  arn: string;
  name: string;
  parentId: string;
  /** names from the root, e.g. `Root/Workloads/prod` */
  path: string;
}

export type AccountState = "ACTIVE" | "SUSPENDED" | "PENDING_CLOSURE" | "PENDING_ACTIVATION" | "CLOSED" | string;

export interface OrgAccount {
  /** natural key: 12-digit account id */
  key: string;
  id: string;
  arn: string;
  name: string;
  email: string;
  /** `State` when AWS sends it, else the retiring `Status`. */
  status: AccountState;
  joinedMethod: string | null;
  joinedAt: IsoDateTime | null;
  parentId: string;
  /** names from the root, e.g. `Root/Workloads/prod` (the root alone for accounts directly under it) */
  ouPath: string;
  /** null when the tags could not be read (see `errors`); `{}` means "read, none". */
  tags: Tags | null;
}

export type OrgPolicyTargetType = "ROOT" | "ORGANIZATIONAL_UNIT" | "ACCOUNT";

export interface OrgPolicyTarget {
  /** `r-…`, `ou-…` or a 12-digit account id */
  targetId: string;
  type: OrgPolicyTargetType;
  name: string | null;
  arn: string | null;
}

/** A service control policy (Organizations ListPolicies + DescribePolicy + ListTargetsForPolicy). */
export interface ServiceControlPolicy {
  /** natural key: policy id (`p-…`; AWS's own FullAWSAccess is `p-FullAWSAccess`) */
  key: string;
  id: string;
  arn: string;
  name: string;
  description: string | null;
  awsManaged: boolean;
  /** the policy's `Content`; null when it was not valid JSON (`rawDocument` keeps the text) */
  document: PolicyDocument | null;
  rawDocument: string;
  /** where it is attached; sorted by targetId */
  targets: OrgPolicyTarget[];
}
