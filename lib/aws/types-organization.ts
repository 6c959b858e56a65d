import type { IsoDateTime, Tags } from "./types-common";

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
