import type { AccountStore } from "./account-store";
import type { CloudTrailRecord } from "./cloudtrail";
import type { CredentialBinding, SimSession } from "./caller";
import type { FaultConfig } from "./faults";
import type { AccountIam } from "./iam";
import type { IdentityCenterState } from "./identity-center";
import type { SimAccount, SimOrganization, SimOrganizationalUnit, SimRoot } from "./organization";
import type { PlantedProblem } from "./problems";
import type { SimServiceControlPolicy } from "./service-control-policy";

/** CloudTrail history per recipient account and region, newest first. */
export interface CloudTrailStore {
  list(accountId: string, region: string): CloudTrailRecord[];
  add(accountId: string, region: string, record: CloudTrailRecord): void;
}

/** A principal ARN whose entity was deleted: policies written before that render its unique id. */
export interface DeletedPrincipal {
  uniqueId: string;
  revision: number;
}

export interface SimState {
  scenarioName: string;
  seed: number;
  /** Reference "now": generated history is relative to it. */
  now: Date;
  /** Regions with CloudTrail history. */
  regions: string[];
  organization: SimOrganization;
  roots: SimRoot[];
  organizationalUnits: SimOrganizationalUnit[];
  accounts: SimAccount[];
  /** FullAWSAccess first, then the scenario's and admin-created SCPs in creation order. */
  serviceControlPolicies: SimServiceControlPolicy[];
  identityCenter: IdentityCenterState;
  /** Per-account IAM; `state.iam.get(accountId)`. */
  iam: AccountStore<AccountIam>;
  cloudTrail: CloudTrailStore;
  /** Static access keys bound to a specific identity (all other unknown keys are the admin). */
  credentials: Map<string, CredentialBinding>;
  /** Temporary credentials issued by AssumeRole, by access key id. */
  sessions: Map<string, SimSession>;
  deletedPrincipals: Map<string, DeletedPrincipal>;
  /** Access key ids deleted from their IAM user: refused at once (InvalidClientTokenId), as AWS does, never the admin. */
  deletedAccessKeys?: Set<string>;
  plantedProblems: PlantedProblem[];
  faults: FaultConfig;
  /** Bumped on every mutation; caches key on it. */
  revision: number;
}
