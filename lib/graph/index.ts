/**
 * lib/graph: the trust-chain graph of a snapshot — who is in which group, which permission set is
 * assigned where and provisioned as which role, and who can assume which role (decided by
 * `@cloud-copilot/iam-simulate` from trust, identity, boundary and SCP policies).
 */
export { buildTrustGraph } from "./build-trust-graph";
export { nodeId } from "./node-ids";
export type * from "./types";
