import { toList, type PolicyStatement } from "./policy-document";
import { matchesWildcard } from "./wildcard";

/** Action / NotAction against one action (`service:Operation`, case-insensitive as IAM matches it). */
export function actionMatches(statement: PolicyStatement, action: string): boolean {
  if (statement.Action !== undefined) return toList(statement.Action).some((a) => matchesWildcard(a, action, true));
  if (statement.NotAction !== undefined) return !toList(statement.NotAction).some((a) => matchesWildcard(a, action, true));
  return false;
}

/** Resource / NotResource against one ARN; a statement naming neither applies to every resource. */
export function resourceMatches(statement: PolicyStatement, resource: string): boolean {
  if (statement.Resource !== undefined) return toList(statement.Resource).some((r) => matchesWildcard(r, resource));
  if (statement.NotResource !== undefined) return !toList(statement.NotResource).some((r) => matchesWildcard(r, resource));
  return true;
}
