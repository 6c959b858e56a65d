import { asList, conditionsOf, statementCoversAction, statementsOf } from "../policy";
import type { PolicyDocument } from "../aws";

// Keys whose value is the caller's own identity: a decision on them cannot be shared between callers.
const IDENTITY_KEYS = new Set(["aws:principalarn", "aws:userid", "aws:username", "aws:sourceidentity"]);

/**
 * Whether the documents decide on who exactly the caller is (its ARN, user id or name, or a policy
 * variable such as `${aws:username}`), not only on its account, type, tags and policies.
 */
export function mentionsCallerIdentity(documents: ReadonlyArray<PolicyDocument | null>): boolean {
  return documents.some((document) =>
    statementsOf(document).some(
      (statement) =>
        conditionsOf(statement).some((entry) => IDENTITY_KEYS.has(entry.key.toLowerCase()) || entry.values.some((v) => v.includes("${"))) ||
        [...asList(statement.Resource), ...asList(statement.NotResource)].some((value) => value.includes("${")),
    ),
  );
}

/**
 * Whether the statements that could apply to the action depend on which resource is asked for (a
 * `Resource` other than `*`, a `NotResource`, a condition on a resource key). When none do, one
 * decision holds for every target with the same trust policy.
 */
export function dependsOnResource(documents: ReadonlyArray<PolicyDocument | null>, action: string): boolean {
  return documents.some((document) =>
    statementsOf(document).some((statement) => {
      if (conditionsOf(statement).some((entry) => entry.key.toLowerCase().includes("resource"))) return true;
      if (!statementCoversAction(statement, action)) return false;
      if (statement.NotResource !== undefined) return true;
      return statement.Resource !== undefined && asList(statement.Resource).some((value) => value !== "*");
    }),
  );
}
