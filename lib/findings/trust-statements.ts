import type { IamRole, OrgInventory } from "../aws";
import {
  conditionsOf,
  isNarrowingKey,
  isWithinAccountNarrowingKey,
  principalsOf,
  statementCoversAction,
  statementsOf,
  type ConditionEntry,
  type NamedPrincipal,
  type PolicyStatement,
} from "../policy";

/**
 * Roles whose trust is AWS's business, never a trust finding: service-linked roles (AWS writes
 * and locks their trust) and Identity Center's reserved `AWSReservedSSO_*` roles (they trust the
 * SAML provider Identity Center manages and refuse UpdateAssumeRolePolicy).
 */
export function isAwsOwnedTrust(role: IamRole): boolean {
  return (
    role.isServiceLinked ||
    role.path.startsWith("/aws-service-role/") ||
    role.identityCenter !== null ||
    role.roleName.startsWith("AWSReservedSSO_") ||
    role.path.startsWith("/aws-reserved/sso.amazonaws.com/")
  );
}

/** Every role of the snapshot whose trust policy the trust rules judge. */
export function* customerRoles(state: OrgInventory): Generator<IamRole> {
  for (const account of Object.values(state.iamByAccount)) for (const role of account.roles) if (!isAwsOwnedTrust(role)) yield role;
}

export interface TrustGrant {
  role: IamRole;
  statement: PolicyStatement;
  statementIndex: number;
  principal: NamedPrincipal;
  /** true for an Allow with `NotPrincipal`: everyone but the named principals may assume */
  negated: boolean;
  /** whether the statement allows `sts:AssumeRole` (a statement for `sts:TagSession` alone lets no one in) */
  grantsAssume: boolean;
  conditions: ConditionEntry[];
  /**
   * what narrows who may act within the named account (or, for `*`, who anywhere): the Allow's
   * conditions on the caller, and Deny statements that refuse everyone else
   */
  narrowing: ConditionEntry[];
}

const ASSUME_ROLE = "sts:AssumeRole";
const NEGATED_OPERATOR = /^(ForAnyValue:|ForAllValues:)?(String|Arn)Not/i;
// A pattern every principal of an account matches (`arn:aws:iam::111122223333:*`) names no one in particular.
const MATCHES_EVERYONE = /^(\*|arn:[^:]*:iam::[^:]*:\*)$/;

type KeyTest = (key: string) => boolean;

function keyTestFor(principal: NamedPrincipal): KeyTest {
  return principal.aws?.kind === "account" ? isWithinAccountNarrowingKey : isNarrowingKey;
}

/**
 * An Allow condition narrows only when it keeps some callers out: `Null` tests only presence, a
 * negated operator only excludes the values it lists, and a pattern like `*` matches everyone.
 */
function allowNarrows(entry: ConditionEntry, keyNarrows: KeyTest): boolean {
  if (!keyNarrows(entry.key) || /^null/i.test(entry.operator) || NEGATED_OPERATOR.test(entry.operator)) return false;
  return entry.values.length > 0 && !entry.values.every((value) => MATCHES_EVERYONE.test(value));
}

/** A Deny condition narrows the grant when it refuses every caller but the listed ones (`ArnNotEquals aws:PrincipalArn …`). */
function denyNarrows(entry: ConditionEntry, keyNarrows: KeyTest): boolean {
  return keyNarrows(entry.key) && NEGATED_OPERATOR.test(entry.operator) && entry.values.some((value) => !MATCHES_EVERYONE.test(value));
}

function denyCovers(denied: NamedPrincipal, granted: NamedPrincipal): boolean {
  if (denied.aws?.kind === "any") return true;
  if (denied.aws?.kind === "account" && granted.aws?.kind === "account") return denied.aws.accountId === granted.aws.accountId;
  return denied.type === granted.type && denied.value === granted.value;
}

/**
 * What one Deny statement does to a grant: refuses it outright (names the same principal, no
 * condition), narrows it (NotPrincipal: everyone but the listed principals is refused — listing an
 * account root spares only its root user; or a negated condition on the caller), or nothing.
 */
function denyEffect(deny: PolicyStatement, granted: NamedPrincipal, keyNarrows: KeyTest): "refuses" | ConditionEntry[] {
  const { negated, principals } = principalsOf(deny);
  const conditions = conditionsOf(deny);
  const conditionsNarrow = conditions.every((entry) => denyNarrows(entry, keyNarrows));
  if (negated) {
    if (!conditionsNarrow) return [];
    return [{ operator: "Deny+NotPrincipal", key: "NotPrincipal", values: principals.map((p) => p.value) }, ...conditions];
  }
  if (!principals.some((denied) => denyCovers(denied, granted))) return [];
  if (conditions.length === 0) return "refuses";
  return conditionsNarrow ? conditions : [];
}

/** The principals each Allow statement of a role's trust policy lets assume it, less what its Deny statements refuse. */
export function* trustGrants(role: IamRole): Generator<TrustGrant> {
  const statements = statementsOf(role.trustPolicy);
  const denies = statements.filter((statement) => statement.Effect === "Deny" && statementCoversAction(statement, ASSUME_ROLE));
  for (const [statementIndex, statement] of statements.entries()) {
    if (statement.Effect !== "Allow") continue;
    const { negated, principals } = principalsOf(statement);
    const conditions = conditionsOf(statement);
    const grantsAssume = statementCoversAction(statement, ASSUME_ROLE);
    // Allow + NotPrincipal grants everyone outside the list: judged like `*`.
    const granted: NamedPrincipal[] = negated ? [{ type: "*", value: "*", aws: { kind: "any" } }] : principals;
    for (const principal of granted) {
      const keyNarrows = keyTestFor(principal);
      const narrowing = conditions.filter((entry) => allowNarrows(entry, keyNarrows));
      let refused = false;
      for (const deny of denies) {
        const effect = denyEffect(deny, principal, keyNarrows);
        if (effect === "refuses") refused = true;
        else narrowing.push(...effect);
      }
      if (refused) continue;
      yield { role, statement, statementIndex, principal, negated, grantsAssume, conditions, narrowing };
    }
  }
}

/** The statement as it appears in the document, for evidence. */
export function statementEvidence(grant: TrustGrant): Record<string, unknown> {
  return { statementIndex: grant.statementIndex, statement: grant.statement };
}
