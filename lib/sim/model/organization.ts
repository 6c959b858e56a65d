import type { SimTag } from "./common";

export interface SimOrganization {
  id: string;
  arn: string;
  featureSet: "ALL" | "CONSOLIDATED_BILLING";
  managementAccountId: string;
  managementAccountEmail: string;
}

export interface SimRoot {
  id: string;
  arn: string;
  name: string;
  policyTypes: Array<{ type: string; status: "ENABLED" | "PENDING_ENABLE" | "PENDING_DISABLE" }>;
  tags: SimTag[];
}

export interface SimOrganizationalUnit {
  id: string;
  arn: string;
  name: string;
  /** Root id (`r-…`) or parent OU id (`ou-…`). */
  parentId: string;
  /** `o-…/r-…/ou-…/` as Organizations returns in `Path`. */
  path: string;
  tags: SimTag[];
}

export type AccountState = "PENDING_ACTIVATION" | "ACTIVE" | "SUSPENDED" | "PENDING_CLOSURE" | "CLOSED";

export interface SimAccount {
  id: string;
  arn: string;
  name: string;
  email: string;
  state: AccountState;
  joinedMethod: "INVITED" | "CREATED";
  joinedTimestamp: Date;
  parentId: string;
  tags: SimTag[];
}
