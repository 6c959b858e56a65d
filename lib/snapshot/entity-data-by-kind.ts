import type {
  AccountAssignment,
  AwsManagedPolicyDocument,
  CredentialReportRow,
  IamGroup,
  IamManagedPolicy,
  IamRole,
  IamUser,
  IdcGroup,
  IdcGroupMembership,
  IdcUser,
  IdentityCenterInstance,
  Organization,
  OrgAccount,
  OrgRoot,
  OrgUnit,
  PermissionSet,
  ServiceControlPolicy,
} from "../aws";
import type { EntityKind } from "./entity-kinds";

/** What `EntityVersion.data` holds for each kind: the lib/aws type its collector returns. */
export interface EntityDataByKind {
  ORGANIZATION: Organization;
  ORG_ROOT: OrgRoot;
  ORG_UNIT: OrgUnit;
  ACCOUNT: OrgAccount;
  IDC_INSTANCE: IdentityCenterInstance;
  IDC_USER: IdcUser;
  IDC_GROUP: IdcGroup;
  IDC_GROUP_MEMBERSHIP: IdcGroupMembership;
  PERMISSION_SET: PermissionSet;
  ACCOUNT_ASSIGNMENT: AccountAssignment;
  IAM_ROLE: IamRole;
  IAM_USER: IamUser;
  IAM_GROUP: IamGroup;
  IAM_POLICY: IamManagedPolicy;
  IAM_CREDENTIAL: CredentialReportRow;
  SERVICE_CONTROL_POLICY: ServiceControlPolicy;
  AWS_MANAGED_POLICY: AwsManagedPolicyDocument;
}

/** Fails to compile when a kind is added to the schema without its data type above. */
export type EntityDataOf<K extends EntityKind> = EntityDataByKind[K];
