/**
 * lib/inventory: read models for the inventory pages. Each reads EntityVersion rows "as of" one
 * snapshot with server-side filtering, sorting and paging, and returns an explicit row shape.
 */
export {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  pageParam,
  snapshotParam,
  sortParam,
  SORT_DIRECTIONS,
  type Page,
  type SortDirection,
} from "./list-query";
export { getSnapshotView, SNAPSHOT_OPTION_LIMIT, type SnapshotRef, type SnapshotView } from "./get-snapshot-view";
export { countEntitiesAsOf } from "./count-entities-as-of";

export { accountListParams, ACCOUNT_SORTS, findAccounts, type AccountRow, type AccountSort, type FindAccountsInput } from "./find-accounts";
export { getAccount, type AccountDetail, type RootCredentialSummary } from "./get-account";
export { findAccountOptions, findOuPaths, type AccountOption } from "./find-filter-options";

export {
  findIamRoles,
  roleListParams,
  ROLE_SORTS,
  ROLE_TYPES,
  type FindIamRolesInput,
  type IamRoleRow,
  type RoleSort,
  type RoleType,
} from "./find-iam-roles";
export { getIamRole, type IamRoleDetail } from "./get-iam-role";
export {
  findIamUsers,
  iamUserListParams,
  USER_SORTS,
  type AccessKeySummary,
  type FindIamUsersInput,
  type IamUserRow,
  type UserSort,
} from "./find-iam-users";

export {
  findPermissionSets,
  permissionSetListParams,
  PERMISSION_SET_SORTS,
  type FindPermissionSetsInput,
  type PermissionSetRow,
  type PermissionSetSort,
} from "./find-permission-sets";
export { getPermissionSet, type PermissionSetDetail } from "./get-permission-set";
export {
  assignmentTableParams,
  ASSIGNMENT_SORTS,
  findAssignments,
  type AssignmentRow,
  type AssignmentSort,
  type FindAssignmentsInput,
} from "./find-assignments";

export {
  findIdcUsers,
  idcUserListParams,
  IDC_USER_SORTS,
  type FindIdcUsersInput,
  type IdcUserRow,
  type IdcUserSort,
} from "./find-idc-users";
export {
  findIdcGroups,
  idcGroupListParams,
  IDC_GROUP_SORTS,
  MEMBER_PREVIEW_SIZE,
  type FindIdcGroupsInput,
  type IdcGroupRow,
  type IdcGroupSort,
} from "./find-idc-groups";
export { getIdcGroup, type IdcGroupDetail } from "./get-idc-group";

export { getIamRoleHistory, type RoleVersion } from "./get-iam-role-history";
export { changedFields, entityLabel } from "./changed-fields";
export {
  findSnapshotHistory,
  snapshotListParams,
  SNAPSHOT_SORTS,
  type FindSnapshotHistoryInput,
  type SnapshotHistoryRow,
  type SnapshotSort,
} from "./find-snapshot-history";
export { getSnapshotReport, type SnapshotErrorRow, type SnapshotReport } from "./get-snapshot-report";
export {
  getSnapshotChanges,
  summarizeDiff,
  DEFAULT_CHANGES_PER_KIND,
  type ChangeType,
  type EntityChange,
  type KindChanges,
  type SnapshotChanges,
} from "./get-snapshot-changes";
export { findIdcPeople, type IdcPerson } from "./find-idc-people";
export { getIamUser, type IamUserCredentials, type IamUserDetail, type IamUserGroup } from "./get-iam-user";
export { getIdcUser, MAX_ASSIGNMENTS, type IdcUserAssignment, type IdcUserDetail, type IdcUserGroupRef } from "./get-idc-user";
export { findPrincipalActivity, ACTIVITY_LIMIT, type ActivitySubject, type PrincipalActivityRow } from "./find-principal-activity";
export { getTrustDirectory } from "./get-trust-directory";
export { findRoleTrustPolicies } from "./find-role-trust-policies";
export {
  findIamRoleGroups,
  ROLE_GROUP_PREVIEW_SIZE,
  ROLE_GROUP_SORTS,
  type FindIamRoleGroupsInput,
  type IamRoleGroupRow,
  type RoleGroupMember,
  type RoleGroupSort,
} from "./find-iam-role-groups";
