/**
 * lib/access: effective access — for a person, group, account or IAM principal, who reaches what,
 * through which chain (person → group → permission set → reserved role → role …), with the
 * effective session (role chaining caps it at one hour) and when the chain was last used. Built on
 * lib/graph's trust graph of a snapshot.
 */
export { getAccessContext, type AccessContext } from "./access-context";
export { AccessError, type AccessErrorCode } from "./access-errors";
export { resolveAccessSubject, type AccessSubject } from "./access-subject";
export { findAccessPaths, type AccessPath, type AccessPathOptions, type AccessPathResult } from "./access-paths";
export { toAccessRows, type AccessHop, type AccessRow } from "./access-rows";
export { attachLastUse } from "./attach-last-use";
export { findAccess, FIND_ACCESS_INPUT, type AccessPage, type FindAccessInput } from "./find-access";
export {
  getAccessMatrix,
  ACCESS_MATRIX_INPUT,
  ACCESS_MATRIX_SORTS,
  type AccessMatrix,
  type AccessMatrixCell,
  type AccessMatrixColumn,
  type AccessMatrixInput,
  type AccessMatrixRow,
} from "./access-matrix";
export { chainSubgraph, type ChainSubgraph, type ChainSubgraphOptions } from "./chain-subgraph";
export { effectiveSession, isoDurationSeconds, ONE_HOUR_SECONDS } from "./session-duration";
export { getAwsConfig, AWS_CONFIG_INPUT, type AwsConfigFile, type AwsConfigInput } from "./aws-config-for-principal";
export { planAwsConfigProfiles, type AwsConfigProfile, type ChainedProfile, type SsoProfile } from "./aws-config-profiles";
export { renderAwsConfig, type AwsConfigDocument, type AwsConfigSsoSession } from "./aws-config-render";
export { awsConfigSettingsFromEnv, awsConfigSession, type AwsConfigSettings } from "./aws-config-settings";
export { explainAccess } from "./explain-access";
export { getAccessExplanation, EXPLAIN_ACCESS_INPUT, type ExplainAccessInput } from "./explain-for-principal";
export type { AccessExplanation, AccessFix, ChainStep, MissingLink, MissingLinkCode } from "./explain-types";
