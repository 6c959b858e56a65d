/**
 * Plain data returned by the collectors. The snapshot writer keys versions on each entity's `key`
 * (a stable natural key), so a key must never depend on collection order or on volatile fields.
 * Timestamps are ISO-8601 strings (UTC) so the data survives JSON round-trips unchanged.
 */

export type IsoDateTime = string;

/** A parsed IAM/SSO policy document. Kept loose on purpose: policies are analysed elsewhere. */
export type PolicyDocument = { Version?: string; Id?: string; Statement?: unknown } & Record<string, unknown>;

export type Tags = Record<string, string>;

export interface NamedPolicy {
  name: string;
  /** null when the document was not valid JSON; `rawDocument` keeps the text for review. */
  document: PolicyDocument | null;
  rawDocument: string;
}

export interface ManagedPolicyRef {
  name: string;
  arn: string;
}

// ---------------------------------------------------------------- Organizations

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

// ---------------------------------------------------------------- Identity Center

export interface IdentityCenterInstance {
  instanceArn: string;
  identityStoreId: string;
  ownerAccountId: string | null;
  name: string | null;
  status: string | null;
  createdAt: IsoDateTime | null;
}

export interface IdcUser {
  /** natural key: `UserId` */
  key: string;
  userId: string;
  userName: string;
  displayName: string | null;
  primaryEmail: string | null;
  givenName: string | null;
  familyName: string | null;
  /** ENABLED | DISABLED when the store reports it; null for stores that predate the field */
  status: string | null;
  externalIds: Array<{ issuer: string; id: string }>;
}

export interface IdcGroup {
  /** natural key: `GroupId` */
  key: string;
  groupId: string;
  displayName: string | null;
  description: string | null;
  externalIds: Array<{ issuer: string; id: string }>;
}

export interface IdcGroupMembership {
  /** natural key: `${groupId}|${userId}` */
  key: string;
  membershipId: string;
  groupId: string;
  userId: string;
}

export interface PermissionsBoundaryRef {
  managedPolicyArn: string | null;
  customerManagedPolicy: { name: string; path: string } | null;
}

export interface PermissionSet {
  /** natural key: permission set ARN */
  key: string;
  arn: string;
  name: string;
  description: string | null;
  createdAt: IsoDateTime | null;
  /** ISO-8601 duration, e.g. `PT8H` */
  sessionDuration: string | null;
  relayState: string | null;
  awsManagedPolicies: ManagedPolicyRef[];
  customerManagedPolicies: Array<{ name: string; path: string }>;
  /** null when the permission set has no inline policy */
  inlinePolicy: NamedPolicy | null;
  permissionsBoundary: PermissionsBoundaryRef | null;
  tags: Tags | null;
  /** accounts the permission set is provisioned to; null when this could not be read */
  provisionedAccountIds: string[] | null;
}

export type PrincipalType = "USER" | "GROUP";

export interface AccountAssignment {
  /** natural key: `${accountId}|${permissionSetArn}|${principalType}|${principalId}` */
  key: string;
  accountId: string;
  permissionSetArn: string;
  principalType: PrincipalType;
  principalId: string;
}

export interface IdentityCenterInventory {
  instance: IdentityCenterInstance;
  users: IdcUser[];
  groups: IdcGroup[];
  memberships: IdcGroupMembership[];
  permissionSets: PermissionSet[];
  assignments: AccountAssignment[];
}

// ---------------------------------------------------------------- IAM

export interface ReservedSsoRole {
  permissionSetName: string;
  /** the 16-hex suffix Identity Center appends */
  suffix: string;
  /** region segment of the path when present (`/aws-reserved/sso.amazonaws.com/<region>/`) */
  region: string | null;
  /** filled by the orchestrator when a permission set of that name exists */
  permissionSetArn: string | null;
}

export interface IamRole {
  /** natural key: role ARN */
  key: string;
  accountId: string;
  arn: string;
  roleName: string;
  roleId: string;
  path: string;
  createdAt: IsoDateTime | null;
  description: string | null;
  /** from ListRoles; GAAD omits it. null if ListRoles did not return the role */
  maxSessionDuration: number | null;
  trustPolicy: PolicyDocument | null;
  inlinePolicies: NamedPolicy[];
  attachedManagedPolicies: ManagedPolicyRef[];
  permissionsBoundaryArn: string | null;
  tags: Tags;
  lastUsedAt: IsoDateTime | null;
  lastUsedRegion: string | null;
  instanceProfileArns: string[];
  isServiceLinked: boolean;
  identityCenter: ReservedSsoRole | null;
}

export interface IamUser {
  /** natural key: user ARN */
  key: string;
  accountId: string;
  arn: string;
  userName: string;
  userId: string;
  path: string;
  createdAt: IsoDateTime | null;
  groupNames: string[];
  inlinePolicies: NamedPolicy[];
  attachedManagedPolicies: ManagedPolicyRef[];
  permissionsBoundaryArn: string | null;
  tags: Tags;
}

export interface IamGroup {
  /** natural key: group ARN */
  key: string;
  accountId: string;
  arn: string;
  groupName: string;
  groupId: string;
  path: string;
  createdAt: IsoDateTime | null;
  inlinePolicies: NamedPolicy[];
  attachedManagedPolicies: ManagedPolicyRef[];
}

export interface IamManagedPolicy {
  /** natural key: policy ARN (customer-managed policies only) */
  key: string;
  accountId: string;
  arn: string;
  name: string;
  policyId: string;
  path: string;
  description: string | null;
  defaultVersionId: string | null;
  attachmentCount: number | null;
  isAttachable: boolean | null;
  createdAt: IsoDateTime | null;
  updatedAt: IsoDateTime | null;
  /** default version's document */
  document: PolicyDocument | null;
}

export interface AccessKeyActivity {
  active: boolean;
  lastRotatedAt: IsoDateTime | null;
  lastUsedAt: IsoDateTime | null;
  lastUsedRegion: string | null;
  lastUsedService: string | null;
}

export interface CertificateActivity {
  active: boolean;
  lastRotatedAt: IsoDateTime | null;
}

/** One row of the IAM credential report. AWS's placeholders (`N/A`, `no_information`, `not_supported`) are null. */
export interface CredentialReportRow {
  /** natural key: user ARN (`arn:aws:iam::<acct>:root` for the root row) */
  key: string;
  user: string;
  arn: string;
  isRoot: boolean;
  userCreatedAt: IsoDateTime | null;
  passwordEnabled: boolean | null;
  passwordLastUsedAt: IsoDateTime | null;
  passwordLastChangedAt: IsoDateTime | null;
  passwordNextRotationAt: IsoDateTime | null;
  mfaActive: boolean | null;
  accessKeys: [AccessKeyActivity, AccessKeyActivity];
  certificates: [CertificateActivity, CertificateActivity];
}

export interface CredentialReport {
  generatedAt: IsoDateTime | null;
  rows: CredentialReportRow[];
}

export interface AccountIam {
  accountId: string;
  roles: IamRole[];
  users: IamUser[];
  groups: IamGroup[];
  policies: IamManagedPolicy[];
  /** null when the report could not be produced (see `errors` and coverage) */
  credentialReport: CredentialReport | null;
}

// ---------------------------------------------------------------- collection bookkeeping

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
  startedAt: IsoDateTime;
  finishedAt: IsoDateTime;
}

export interface OrgInventory {
  organization: Organization | null;
  roots: OrgRoot[];
  ous: OrgUnit[];
  accounts: OrgAccount[];
  /** null when the organisation has no Identity Center instance or it could not be read */
  identityCenter: IdentityCenterInventory | null;
  iamByAccount: Record<string, AccountIam>;
  coverage: InventoryCoverage;
  errors: CollectionError[];
  stats: CollectionStats;
}

// ---------------------------------------------------------------- CloudTrail

export type JsonObject = Record<string, unknown>;

export interface TrailEvent {
  /** natural key: CloudTrail `eventID` (unique per delivered copy) */
  key: string;
  eventId: string;
  eventTime: IsoDateTime;
  eventName: string;
  eventSource: string;
  awsRegion: string | null;
  /** recipientAccountId: the account whose trail holds this copy */
  accountId: string | null;
  actor: {
    type: string | null;
    arn: string | null;
    principalId: string | null;
    accountId: string | null;
    userName: string | null;
  };
  /**
   * Who really started it. For a role session: the role ARN (path included) and session name;
   * for Identity Center sessions also the permission set name and the Identity Center user name.
   */
  sourcePrincipal: {
    arn: string | null;
    type: string | null;
    sessionName: string | null;
    identityCenter: { permissionSetName: string; userName: string | null } | null;
  };
  targetRoleArn: string | null;
  roleSessionName: string | null;
  /** Identity Center data for the target role of an AssumeRole(WithSAML) into a reserved role */
  targetIdentityCenter: { permissionSetName: string } | null;
  mfaUsed: boolean | null;
  sourceIp: string | null;
  userAgent: string | null;
  success: boolean;
  errorCode: string | null;
  errorMessage: string | null;
  raw: JsonObject;
}
