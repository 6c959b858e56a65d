import { evaluateCondition, type ConditionContext } from "./condition-evaluation";
import { statementsOf, toList, type PolicyDocument, type PolicyStatement } from "./policy-document";
import { actionMatches } from "./statement-matching";

/** The principal asking to assume a role, as the trust policy sees it. */
export interface TrustCaller {
  accountId: string;
  /** ARNs that name this principal: the IAM user ARN, or the role ARN and the session ARN. */
  principalArns: string[];
  context: ConditionContext;
}

export interface TrustDecision {
  isAllowed: boolean;
  reason: "allowed" | "explicit-deny" | "no-matching-statement";
}

const ACCOUNT_ID = /^\d{12}$/;
const ACCOUNT_ROOT = /^arn:aws:iam::(\d{12}):root$/;

function principalMatches(principal: string, caller: TrustCaller): boolean {
  if (principal === "*") return true;
  if (ACCOUNT_ID.test(principal)) return principal === caller.accountId;
  const root = ACCOUNT_ROOT.exec(principal);
  if (root) return root[1] === caller.accountId;
  // Unique ids (AROA…/AIDA…) are what is left of a deleted principal: they match nobody.
  return caller.principalArns.includes(principal);
}

function statementNamesCaller(statement: PolicyStatement, caller: TrustCaller): boolean {
  if (statement.Principal === undefined) return false;
  if (statement.Principal === "*") return true;
  const aws = toList(statement.Principal.AWS as string | string[] | undefined);
  return aws.some((p) => principalMatches(p, caller));
}

/**
 * Resource-policy side of sts:AssumeRole. Identity policies of the caller are not evaluated:
 * sim callers are treated as allowed to call sts:AssumeRole on anything.
 */
export function evaluateTrustPolicy(doc: PolicyDocument, caller: TrustCaller, action = "sts:AssumeRole"): TrustDecision {
  let isAllowed = false;
  for (const statement of statementsOf(doc)) {
    if (!actionMatches(statement, action)) continue;
    if (!statementNamesCaller(statement, caller)) continue;
    if (!evaluateCondition(statement.Condition, caller.context).matches) continue;
    if (statement.Effect === "Deny") return { isAllowed: false, reason: "explicit-deny" };
    isAllowed = true;
  }
  return isAllowed ? { isAllowed: true, reason: "allowed" } : { isAllowed: false, reason: "no-matching-statement" };
}
