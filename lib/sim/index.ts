/** The simulated AWS organization: one HTTP endpoint that the real SDK v3 clients and AWS CLI accept. */
export { startSimServer, type SimServer, type StartSimServerOptions } from "./server/start-sim-server";
export { loadScenario, readScenarioFile } from "./scenario/load-scenario";
export { buildState, type BuildOptions } from "./scenario/build-state";
export { DEMO_SCENARIO } from "./scenario/demo/demo-scenario";
export { SCENARIO_SPEC, FAULT_CONFIG_SCHEMA, type ScenarioSpec } from "./scenario/scenario-spec";
export type { SimAdmin } from "./admin/sim-admin";
export type { SimState, CloudTrailStore, DeletedPrincipal } from "./model/state";
export type { FaultConfig, RateLimitRule, ServerErrorBurst, FaultMatch } from "./model/faults";
export type { PlantedProblem, PlantedProblemKind } from "./model/problems";
export { PLANTED_PROBLEM_KINDS } from "./model/problems";
export type { SimAccount, SimOrganization, SimOrganizationalUnit, SimRoot } from "./model/organization";
export type {
  IdentityCenterState,
  IdcUser,
  IdcGroup,
  IdcMembership,
  IdcPermissionSet,
  IdcAssignment,
  IdcInstance,
} from "./model/identity-center";
export type { AccountIam, IamUser, IamRole, IamGroup, IamAccessKey, IamManagedPolicy, IamSamlProvider } from "./model/iam";
export type { CloudTrailRecord } from "./model/cloudtrail";
export type { AccountStore } from "./model/account-store";
export { renderTrustPolicy } from "./policy/render-trust-policy";
export { AWS_RATE_LIMITS } from "./faults/aws-rate-limits";
export { CREDENTIAL_REPORT_COLUMNS } from "./services/iam";
