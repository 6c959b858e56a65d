import type { IsoDateTime } from "./types-common";
import type { IdentityCenterInventory } from "./types-identity-center";
import type { AccountIam, AwsManagedPolicyDocument } from "./types-iam";
import type { Organization, OrgAccount, OrgRoot, OrgUnit, ServiceControlPolicy } from "./types-organization";

/**
 * COLLECTED: complete. PARTIAL: some calls failed; present data is real, absent data is unknown.
 * FAILED: nothing usable. SKIPPED: deliberately not collected (e.g. a suspended account).
 * A consumer must only treat an entity as deleted when its section is COLLECTED.
 */
export type CollectionStatus = "COLLECTED" | "PARTIAL" | "FAILED" | "SKIPPED";

export interface AccountCoverage {
  accountId: string;
  iam: CollectionStatus;
  /** GAAD + ListRoles */
  authorizationDetails: CollectionStatus;
  credentialReport: CollectionStatus;
  reason: string | null;
}

export interface InventoryCoverage {
  organization: CollectionStatus;
  accountTags: CollectionStatus;
  /** absent on snapshots taken before SCPs were collected: their SCPs are unknown */
  serviceControlPolicies?: CollectionStatus;
  /** absent on snapshots taken before AWS-managed policy documents were collected */
  awsManagedPolicies?: CollectionStatus;
  identityCenter: {
    instance: CollectionStatus;
    users: CollectionStatus;
    groups: CollectionStatus;
    memberships: CollectionStatus;
    permissionSets: CollectionStatus;
    assignments: CollectionStatus;
  };
  accounts: Record<string, AccountCoverage>;
}

export interface CollectionError {
  accountId?: string;
  /** IAM action prefix of the service: organizations | sso | identitystore | iam | sts | cloudtrail */
  service: string;
  operation: string;
  code: string;
  message: string;
}

export interface CollectionStats {
  /** commands sent, per service prefix (retries are not counted twice) */
  apiCalls: Record<string, number>;
  /** commands sent, per `service:Operation` (the IAM action name) */
  apiCallsByAction: Record<string, number>;
  callsPerAccount: Record<string, number>;
  /** extra attempts the SDK's retry made (throttling, 5xx), per service */
  retries: Record<string, number>;
  startedAt: IsoDateTime;
  finishedAt: IsoDateTime;
}

export interface OrgInventory {
  organization: Organization | null;
  roots: OrgRoot[];
  ous: OrgUnit[];
  accounts: OrgAccount[];
  /** SCPs with their targets; empty when the organization has none or SCPs are not enabled */
  serviceControlPolicies: ServiceControlPolicy[];
  /** documents of the AWS-managed policies attached anywhere in `iamByAccount` or permission sets */
  awsManagedPolicies: AwsManagedPolicyDocument[];
  /** null when the organisation has no Identity Center instance or it could not be read */
  identityCenter: IdentityCenterInventory | null;
  iamByAccount: Record<string, AccountIam>;
  coverage: InventoryCoverage;
  errors: CollectionError[];
  stats: CollectionStats;
}
