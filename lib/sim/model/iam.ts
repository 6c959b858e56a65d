import type { AttachedPolicy, InlinePolicy, SimTag } from "./common";

export interface IamAccessKey {
  accessKeyId: string;
  /** Only ever returned by CreateAccessKey; never logged. */
  secretAccessKey: string;
  status: "Active" | "Inactive";
  createDate: Date;
  lastUsed?: { date: Date; region: string; serviceName: string };
}

export interface IamMfaDevice {
  serialNumber: string;
  enableDate: Date;
}

export interface IamLoginProfile {
  createDate: Date;
  passwordResetRequired: boolean;
  passwordLastChanged: Date;
}

export interface IamUser {
  userName: string;
  userId: string;
  path: string;
  arn: string;
  createDate: Date;
  tags: SimTag[];
  groups: string[];
  attachedPolicies: AttachedPolicy[];
  inlinePolicies: InlinePolicy[];
  permissionsBoundaryArn?: string;
  loginProfile?: IamLoginProfile;
  passwordLastUsed?: Date;
  accessKeys: IamAccessKey[];
  mfaDevices: IamMfaDevice[];
}

export interface IamGroup {
  groupName: string;
  groupId: string;
  path: string;
  arn: string;
  createDate: Date;
  attachedPolicies: AttachedPolicy[];
  inlinePolicies: InlinePolicy[];
}

export interface IamRole {
  roleName: string;
  roleId: string;
  path: string;
  arn: string;
  createDate: Date;
  /** Trust policy JSON text as written; ARNs of roles deleted later render as their unique id. */
  trustPolicy: string;
  /** State revision at which the trust policy was written (see SimState.deletedPrincipals). */
  trustPolicyRevision: number;
  description?: string;
  maxSessionDuration: number;
  inlinePolicies: InlinePolicy[];
  attachedPolicies: AttachedPolicy[];
  permissionsBoundaryArn?: string;
  tags: SimTag[];
  lastUsed?: { date: Date; region: string };
  /** Identity Center reserved roles refuse IAM edits ("protected role"). */
  isProtected?: boolean;
}

export interface IamManagedPolicy {
  policyName: string;
  policyId: string;
  arn: string;
  path: string;
  description?: string;
  createDate: Date;
  updateDate: Date;
  document: string;
}

export interface IamSamlProvider {
  name: string;
  arn: string;
  createDate: Date;
}

export interface IamRootUser {
  createDate: Date;
  passwordLastUsed?: Date;
  mfaActive: boolean;
}

/** The account password policy as GetAccountPasswordPolicy returns it; AWS has none until one is set. */
export interface IamPasswordPolicy {
  minimumPasswordLength: number;
  requireSymbols: boolean;
  requireNumbers: boolean;
  requireUppercaseCharacters: boolean;
  requireLowercaseCharacters: boolean;
  allowUsersToChangePassword: boolean;
  /** Days; absent = passwords never expire. */
  maxPasswordAge?: number;
  passwordReusePrevention?: number;
  hardExpiry?: boolean;
}

/** Everything one account's IAM holds. */
export interface AccountIam {
  accountId: string;
  root: IamRootUser;
  users: IamUser[];
  groups: IamGroup[];
  roles: IamRole[];
  policies: IamManagedPolicy[];
  samlProviders: IamSamlProvider[];
  passwordPolicy?: IamPasswordPolicy;
  credentialReport?: { generatedAt: Date; isReady: boolean };
}
