/**
 * lib/drift: what changed between two snapshots, field by field (policy documents compared by IAM
 * meaning, not as text), who changed it (CloudTrail write events), and the approved baseline of
 * each role's trust policy.
 */
export { diffJson } from "./diff-json";
export type { JsonChange } from "./diff-json";
export { isPolicyDocument } from "./diff-policy-document";
