import type { CloudTrailRecord } from "../model/cloudtrail";
import type { FaultConfig } from "../model/faults";
import type { IamAccessKey, IamUser } from "../model/iam";
import type { IdcAssignment, IdcUser } from "../model/identity-center";
import type { PlantedProblem } from "../model/problems";
import type { SimRuntime } from "../server/sim-runtime";
import {
  CREDENTIAL_INPUT,
  FAULT_CONFIG_SCHEMA,
  type AssignmentInput,
  type CloudTrailEventsInput,
  type CredentialInput,
  type NewIamUserInput,
  type NewIdcUserInput,
} from "./admin-inputs";
import { addCloudTrailEvents } from "./cloudtrail-mutations";
import { addAssignment, addIdentityCenterUser, removeAssignment, removeIdentityCenterUser } from "./identity-center-mutations";
import { addIamUser, deleteRole, rotateAccessKeys, setTrustPolicy } from "./iam-mutations";
import {
  attachServiceControlPolicy,
  createServiceControlPolicy,
  detachServiceControlPolicy,
  updateServiceControlPolicy,
  type NewScpInput,
  type ScpUpdateInput,
} from "./scp-mutations";
import type { SimServiceControlPolicy } from "../model/service-control-policy";

/** Test-and-demo controls over a running simulator; the `/_sim/` HTTP API calls the same methods. */
export interface SimAdmin {
  getFaults(): FaultConfig;
  setFaults(config: FaultConfig): void;
  setTrustPolicy(accountId: string, roleName: string, document: string | Record<string, unknown>): void;
  deleteRole(accountId: string, roleName: string): void;
  addIamUser(accountId: string, input: NewIamUserInput): { user: IamUser; accessKey?: IamAccessKey };
  rotateAccessKeys(accountId: string, userName: string): IamAccessKey;
  addCloudTrailEvents(accountId: string, input: CloudTrailEventsInput): CloudTrailRecord[];
  addIdentityCenterUser(input: NewIdcUserInput): IdcUser;
  removeIdentityCenterUser(userIdOrName: string): void;
  addAssignment(input: AssignmentInput): IdcAssignment;
  removeAssignment(input: AssignmentInput): void;
  registerCredential(input: CredentialInput): void;
  createServiceControlPolicy(input: NewScpInput): SimServiceControlPolicy;
  updateServiceControlPolicy(policyId: string, input: ScpUpdateInput): SimServiceControlPolicy;
  attachServiceControlPolicy(policyId: string, targetId: string): void;
  detachServiceControlPolicy(policyId: string, targetId: string): void;
  plantedProblems(): PlantedProblem[];
  /** Rebuilds the scenario from scratch (same seed, same reference time) and restores its faults. */
  reset(): void;
}

export function createSimAdmin(runtime: SimRuntime, initialFaults: FaultConfig): SimAdmin {
  const now = () => runtime.clock();
  return {
    getFaults: () => runtime.faults.get(),
    setFaults: (config) => runtime.faults.set(FAULT_CONFIG_SCHEMA.parse(config) as FaultConfig),
    setTrustPolicy: (accountId, roleName, document) => setTrustPolicy(runtime.state, accountId, roleName, document),
    deleteRole: (accountId, roleName) => deleteRole(runtime.state, accountId, roleName),
    addIamUser: (accountId, input) => addIamUser(runtime.state, accountId, input, now()),
    rotateAccessKeys: (accountId, userName) => rotateAccessKeys(runtime.state, accountId, userName, now()),
    addCloudTrailEvents: (accountId, input) => addCloudTrailEvents(runtime.state, accountId, input),
    addIdentityCenterUser: (input) => addIdentityCenterUser(runtime.state, input, now()),
    removeIdentityCenterUser: (userIdOrName) => removeIdentityCenterUser(runtime.state, userIdOrName),
    addAssignment: (input) => addAssignment(runtime.state, input, now()),
    removeAssignment: (input) => removeAssignment(runtime.state, input),
    registerCredential: (raw) => {
      const input = CREDENTIAL_INPUT.parse(raw);
      runtime.state.credentials.set(input.accessKeyId, input);
      runtime.state.revision++;
    },
    createServiceControlPolicy: (input) => createServiceControlPolicy(runtime.state, input),
    updateServiceControlPolicy: (policyId, input) => updateServiceControlPolicy(runtime.state, policyId, input),
    attachServiceControlPolicy: (policyId, targetId) => attachServiceControlPolicy(runtime.state, policyId, targetId),
    detachServiceControlPolicy: (policyId, targetId) => detachServiceControlPolicy(runtime.state, policyId, targetId),
    plantedProblems: () => runtime.state.plantedProblems,
    reset: () => {
      runtime.state = runtime.rebuild();
      runtime.faults.set(initialFaults);
    },
  };
}
