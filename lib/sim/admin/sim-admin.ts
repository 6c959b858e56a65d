import type { CloudTrailRecord } from "../model/cloudtrail";
import type { FaultConfig } from "../model/faults";
import type { IamAccessKey, IamUser } from "../model/iam";
import type { IdcAssignment, IdcMembership, IdcUser } from "../model/identity-center";
import type { PlantedProblem } from "../model/problems";
import type { SimRuntime } from "../server/sim-runtime";
import {
  CREDENTIAL_INPUT,
  FAULT_CONFIG_SCHEMA,
  type AdminCallerInput,
  type AssignmentInput,
  type CloudTrailEventsInput,
  type CredentialInput,
  type GroupMembershipInput,
  type InlinePolicyInput,
  type NewIamUserInput,
  type NewIdcUserInput,
  type PermissionSetUpdateInput,
} from "./admin-inputs";
import { attachServiceControlPolicyRecorded, detachServiceControlPolicyRecorded } from "./recorded-scp-mutations";
import { addGroupMembership, attachRolePolicy, putPermissionSetInlinePolicy, putRolePolicy, updatePermissionSet } from "./drift-mutations";
import { addCloudTrailEvents } from "./cloudtrail-mutations";
import { addAssignment, addIdentityCenterUser, removeAssignment, removeIdentityCenterUser } from "./identity-center-mutations";
import { addIamUser, deleteRole, rotateAccessKeys, setTrustPolicy } from "./iam-mutations";
import { createServiceControlPolicy, updateServiceControlPolicy, type NewScpInput, type ScpUpdateInput } from "./scp-mutations";
import type { SimServiceControlPolicy } from "../model/service-control-policy";

/** Test-and-demo controls over a running simulator; the `/_sim/` HTTP API calls the same methods. */
export interface SimAdmin {
  getFaults(): FaultConfig;
  setFaults(config: FaultConfig): void;
  /** Replaces a role's trust policy; records `UpdateAssumeRolePolicy` as `caller` (default: the simulator's administrator). */
  setTrustPolicy(accountId: string, roleName: string, document: string | Record<string, unknown>, caller?: AdminCallerInput): void;
  attachRolePolicy(accountId: string, roleName: string, policyArn: string, caller?: AdminCallerInput): void;
  putRolePolicy(
    accountId: string,
    roleName: string,
    policy: { policyName: string; document: string | Record<string, unknown> },
    caller?: AdminCallerInput,
  ): void;
  deleteRole(accountId: string, roleName: string): void;
  addIamUser(accountId: string, input: NewIamUserInput): { user: IamUser; accessKey?: IamAccessKey };
  rotateAccessKeys(accountId: string, userName: string, caller?: AdminCallerInput): IamAccessKey;
  addCloudTrailEvents(accountId: string, input: CloudTrailEventsInput): CloudTrailRecord[];
  addIdentityCenterUser(input: NewIdcUserInput): IdcUser;
  removeIdentityCenterUser(userIdOrName: string): void;
  addAssignment(input: AssignmentInput, caller?: AdminCallerInput): IdcAssignment;
  /** Identity Store `CreateGroupMembership`: `{ group, user, caller? }` by name or id. */
  addGroupMembership(input: GroupMembershipInput): IdcMembership;
  /** SSO Admin `UpdatePermissionSet` (session duration, description, relay state). */
  updatePermissionSet(permissionSet: string, input: PermissionSetUpdateInput): void;
  /** SSO Admin `PutInlinePolicyToPermissionSet` + `ProvisionPermissionSet` to the accounts it is in. */
  putPermissionSetInlinePolicy(permissionSet: string, input: InlinePolicyInput): void;
  removeAssignment(input: AssignmentInput): void;
  registerCredential(input: CredentialInput): void;
  createServiceControlPolicy(input: NewScpInput): SimServiceControlPolicy;
  updateServiceControlPolicy(policyId: string, input: ScpUpdateInput): SimServiceControlPolicy;
  /** Organizations `AttachPolicy` / `DetachPolicy`, recorded as `caller` in the management account. */
  attachServiceControlPolicy(policyId: string, targetId: string, caller?: AdminCallerInput): void;
  detachServiceControlPolicy(policyId: string, targetId: string, caller?: AdminCallerInput): void;
  plantedProblems(): PlantedProblem[];
  /** Rebuilds the scenario from scratch (same seed, same reference time) and restores its faults. */
  reset(): void;
}

export function createSimAdmin(runtime: SimRuntime, initialFaults: FaultConfig): SimAdmin {
  const now = () => runtime.clock();
  return {
    getFaults: () => runtime.faults.get(),
    setFaults: (config) => runtime.faults.set(FAULT_CONFIG_SCHEMA.parse(config) as FaultConfig),
    setTrustPolicy: (accountId, roleName, document, caller) => setTrustPolicy(runtime.state, accountId, roleName, document, now(), caller),
    attachRolePolicy: (accountId, roleName, policyArn, caller) =>
      attachRolePolicy(runtime.state, accountId, roleName, policyArn, now(), caller),
    putRolePolicy: (accountId, roleName, policy, caller) => putRolePolicy(runtime.state, accountId, roleName, policy, now(), caller),
    deleteRole: (accountId, roleName) => deleteRole(runtime.state, accountId, roleName),
    addIamUser: (accountId, input) => addIamUser(runtime.state, accountId, input, now()),
    rotateAccessKeys: (accountId, userName, caller) => rotateAccessKeys(runtime.state, accountId, userName, now(), caller),
    addCloudTrailEvents: (accountId, input) => addCloudTrailEvents(runtime.state, accountId, input),
    addIdentityCenterUser: (input) => addIdentityCenterUser(runtime.state, input, now()),
    removeIdentityCenterUser: (userIdOrName) => removeIdentityCenterUser(runtime.state, userIdOrName),
    addAssignment: (input, caller) => addAssignment(runtime.state, input, now(), caller),
    addGroupMembership: (input) => addGroupMembership(runtime.state, input, now()),
    updatePermissionSet: (permissionSet, input) => updatePermissionSet(runtime.state, permissionSet, input, now()),
    putPermissionSetInlinePolicy: (permissionSet, input) => putPermissionSetInlinePolicy(runtime.state, permissionSet, input, now()),
    removeAssignment: (input) => removeAssignment(runtime.state, input),
    registerCredential: (raw) => {
      const input = CREDENTIAL_INPUT.parse(raw);
      runtime.state.credentials.set(input.accessKeyId, input);
      runtime.state.revision++;
    },
    createServiceControlPolicy: (input) => createServiceControlPolicy(runtime.state, input),
    updateServiceControlPolicy: (policyId, input) => updateServiceControlPolicy(runtime.state, policyId, input),
    attachServiceControlPolicy: (policyId, targetId, caller) =>
      attachServiceControlPolicyRecorded(runtime.state, policyId, targetId, now(), caller),
    detachServiceControlPolicy: (policyId, targetId, caller) =>
      detachServiceControlPolicyRecorded(runtime.state, policyId, targetId, now(), caller),
    plantedProblems: () => runtime.state.plantedProblems,
    reset: () => {
      runtime.state = runtime.rebuild();
      runtime.faults.set(initialFaults);
    },
  };
}
