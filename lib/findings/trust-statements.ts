import type { IamRole, OrgInventory } from "../aws";
import {
  conditionsOf,
  isNarrowingKey,
  principalsOf,
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
  conditions: ConditionEntry[];
  /** conditions that narrow who may act within the named account or `*` */
  narrowing: ConditionEntry[];
}

/**
 * A condition narrows only when it can fail for some caller: `Null` tests only presence, and a
 * pattern of `*` matches everyone.
 */
function narrows(entry: ConditionEntry): boolean {
  if (!isNarrowingKey(entry.key)) return false;
  if (entry.operator.toLowerCase().startsWith("null")) return false;
  return entry.values.length > 0 && !entry.values.every((value) => value === "*");
}

/** The principals each Allow statement of a role's trust policy lets assume it. */
export function* trustGrants(role: IamRole): Generator<TrustGrant> {
  const statements = statementsOf(role.trustPolicy);
  for (const [statementIndex, statement] of statements.entries()) {
    if (statement.Effect !== "Allow") continue;
    const { negated, principals } = principalsOf(statement);
    const conditions = conditionsOf(statement);
    const narrowing = conditions.filter(narrows);
    if (negated) {
      // Allow + NotPrincipal grants everyone outside the list: judged like `*`.
      yield { role, statement, statementIndex, principal: { type: "*", value: "*", aws: { kind: "any" } }, negated, conditions, narrowing };
      continue;
    }
    for (const principal of principals) yield { role, statement, statementIndex, principal, negated, conditions, narrowing };
  }
}

/** The statement as it appears in the document, for evidence. */
export function statementEvidence(grant: TrustGrant): Record<string, unknown> {
  return { statementIndex: grant.statementIndex, statement: grant.statement };
}
