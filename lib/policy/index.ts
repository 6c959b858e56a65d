/**
 * lib/policy: the vocabulary of IAM policy documents shared by the graph and the findings —
 * statements (one object or an array), principals in every IAM form, condition entries and which
 * condition keys the inventory decides. It never decides access; lib/graph does, with the evaluator.
 */
export { asList, statementsOf } from "./statements";
export type { PolicyStatement } from "./statements";
export { actionMatches, statementCoversAction } from "./actions";
export { classifyAwsPrincipal, principalsOf } from "./principals";
export type { AwsPrincipal, NamedPrincipal, PrincipalType, StatementPrincipals } from "./principals";
export { conditionsOf, isCallerKey, isNarrowingKey, isWithinAccountNarrowingKey } from "./conditions";
export type { ConditionEntry } from "./conditions";
export { describeCondition } from "./describe-condition";
export type { ConditionContext, ConditionInWords } from "./describe-condition";
export { describePrincipal, describeTrustPolicy, isOutsideOrganization } from "./describe-trust";
export type {
  PrincipalAccount,
  TrustDirectory,
  TrustedPrincipal,
  TrustedPrincipalKind,
  TrustPolicyInWords,
  TrustStatementInWords,
} from "./describe-trust";
