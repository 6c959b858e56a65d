import { asList, type PolicyStatement } from "./statements";

/** IAM action matching: case-insensitive, `*` any run of characters, `?` one character. */
export function actionMatches(pattern: string, action: string): boolean {
  const lowerPattern = pattern.toLowerCase();
  const lowerAction = action.toLowerCase();
  if (!lowerPattern.includes("*") && !lowerPattern.includes("?")) return lowerPattern === lowerAction;
  const escaped = lowerPattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${escaped}$`).test(lowerAction);
}

/** Whether the statement's `Action` (or the complement of its `NotAction`) covers the action. */
export function statementCoversAction(statement: PolicyStatement, action: string): boolean {
  if (statement.Action !== undefined) return asList(statement.Action).some((pattern) => actionMatches(pattern, action));
  if (statement.NotAction !== undefined) return !asList(statement.NotAction).some((pattern) => actionMatches(pattern, action));
  return false;
}
