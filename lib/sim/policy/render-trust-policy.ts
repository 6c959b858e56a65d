import type { IamRole } from "../model/iam";
import type { SimState } from "../model/state";
import { parsePolicyDocument, statementsOf, toList } from "./policy-document";

/**
 * IAM stores role/user principals as unique ids and maps them back to ARNs on display; once the
 * principal is deleted the id can no longer be mapped, so the policy shows `AROA…`. A principal
 * deleted after the policy was written renders as its id even if a same-named role is recreated.
 */
export function renderTrustPolicy(state: SimState, role: IamRole): string {
  if (state.deletedPrincipals.size === 0) return role.trustPolicy;
  const stale = [...state.deletedPrincipals.entries()].filter(
    ([arn, deleted]) => deleted.revision > role.trustPolicyRevision && role.trustPolicy.includes(arn),
  );
  if (stale.length === 0) return role.trustPolicy;
  const doc = parsePolicyDocument(role.trustPolicy);
  if (doc === undefined) return role.trustPolicy;
  const replacements = new Map(stale.map(([arn, deleted]) => [arn, deleted.uniqueId]));
  for (const statement of statementsOf(doc)) {
    if (statement.Principal === undefined || statement.Principal === "*") continue;
    const aws = statement.Principal.AWS as string | string[] | undefined;
    if (aws === undefined) continue;
    const mapped = toList(aws).map((p) => replacements.get(p) ?? p);
    statement.Principal.AWS = Array.isArray(aws) ? mapped : (mapped[0] as string);
  }
  return JSON.stringify(doc);
}
