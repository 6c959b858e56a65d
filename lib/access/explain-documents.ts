import type { IamRole, OrgInventory, PolicyDocument } from "../aws";
import {
  asList,
  conditionsOf,
  isCallerKey,
  statementCoversAction,
  statementsOf,
  type ConditionEntry,
  type PolicyStatement,
} from "../policy";

export const ASSUME_ROLE = "sts:AssumeRole";

/** A policy document with the name a person knows it by. */
export interface NamedDocument {
  source: string;
  document: PolicyDocument | null;
}

/** IAM's wildcard match for ARNs and `*Like` conditions: `*` any run, `?` one character; case-sensitive. */
export function globMatches(pattern: string, value: string): boolean {
  if (!pattern.includes("*") && !pattern.includes("?")) return pattern === value;
  const escaped = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${escaped}$`, "s").test(value);
}

/** Whether the statement's `Resource` (or the complement of its `NotResource`) covers the ARN. */
export function statementCoversResource(statement: PolicyStatement, arn: string): boolean {
  if (statement.Resource !== undefined) return asList(statement.Resource).some((pattern) => globMatches(pattern, arn));
  if (statement.NotResource !== undefined) return !asList(statement.NotResource).some((pattern) => globMatches(pattern, arn));
  return false;
}

/** Statements of the documents with this effect that cover AssumeRole on the target. */
export function assumeStatements(
  documents: readonly NamedDocument[],
  effect: "Allow" | "Deny",
  targetArn: string,
): Array<{ source: string; statement: PolicyStatement }> {
  return documents.flatMap((doc) =>
    statementsOf(doc.document)
      .filter((s) => s.Effect === effect && statementCoversAction(s, ASSUME_ROLE) && statementCoversResource(s, targetArn))
      .map((statement) => ({ source: doc.source, statement })),
  );
}

/** What the inventory knows of a caller, for the condition keys it decides. */
export interface CallerFacts {
  arn: string;
  accountId: string;
  orgId: string | null;
  tags: Record<string, string>;
}

const NEGATED = /^(StringNot|ArnNot)/;

/**
 * The first caller-key condition of a statement the caller does not meet (keys the inventory decides:
 * principal ARN, account, organization, tags); request-time keys are not judged here. null: all met.
 */
export function unmetCallerCondition(statement: PolicyStatement, caller: CallerFacts): ConditionEntry | null {
  for (const entry of conditionsOf(statement)) {
    if (!isCallerKey(entry.key)) continue;
    const actual = callerValue(entry.key, caller);
    const ifExists = entry.operator.endsWith("IfExists");
    const operator = entry.operator.replace(/IfExists$/, "");
    const base = operator.replace(/^(String|Arn)Not/, "$1");
    let match: boolean | null;
    if (actual === undefined) {
      if (ifExists || NEGATED.test(operator)) continue;
      match = false;
    } else if (/^(StringEquals|ArnEquals)$/.test(base)) match = entry.values.includes(actual);
    else if (base === "StringEqualsIgnoreCase") match = entry.values.some((v) => v.toLowerCase() === actual.toLowerCase());
    else if (/^(StringLike|ArnLike)$/.test(base)) match = entry.values.some((v) => globMatches(v, actual));
    else match = null;
    if (match === null) continue;
    const holds = NEGATED.test(operator) ? !match : match;
    if (!holds) return entry;
  }
  return null;
}

function callerValue(key: string, caller: CallerFacts): string | undefined {
  const lower = key.toLowerCase();
  if (lower === "aws:principalarn") return caller.arn;
  if (lower === "aws:principalaccount") return caller.accountId;
  if (lower === "aws:principalorgid") return caller.orgId ?? undefined;
  if (lower.startsWith("aws:principaltag/")) {
    const tag = key.slice("aws:principaltag/".length);
    const found = Object.entries(caller.tags).find(([k]) => k.toLowerCase() === tag.toLowerCase());
    return found?.[1];
  }
  return undefined;
}

/** A role's identity policies as IAM reports them, else (a reserved role) its permission set's. */
export function roleIdentityDocuments(state: OrgInventory, role: IamRole): NamedDocument[] {
  const managed = (arn: string): PolicyDocument | null =>
    state.awsManagedPolicies.find((p) => p.arn === arn)?.document ??
    state.iamByAccount[role.accountId]?.policies.find((p) => p.arn === arn)?.document ??
    null;
  const own: NamedDocument[] = [
    ...role.inlinePolicies.map((p) => ({ source: `inline policy ${p.name} of ${role.roleName}`, document: p.document })),
    ...role.attachedManagedPolicies.map((p) => ({ source: `managed policy ${p.name}`, document: managed(p.arn) })),
  ];
  if (own.length > 0 || !role.identityCenter) return own;
  const set = state.identityCenter?.permissionSets.find(
    (p) => p.arn === role.identityCenter?.permissionSetArn || p.name === role.identityCenter?.permissionSetName,
  );
  if (!set) return own;
  return [
    ...(set.inlinePolicy ? [{ source: `inline policy of permission set ${set.name}`, document: set.inlinePolicy.document }] : []),
    ...set.awsManagedPolicies.map((p) => ({ source: `managed policy ${p.name} (permission set ${set.name})`, document: managed(p.arn) })),
    ...set.customerManagedPolicies.map((ref) => ({
      source: `customer managed policy ${ref.name} (permission set ${set.name})`,
      document:
        state.iamByAccount[role.accountId]?.policies.find((p) => p.name === ref.name && (p.path === ref.path || ref.path === ""))
          ?.document ?? null,
    })),
  ];
}

/** The SCPs over an account, root first (the management account is exempt, as in AWS). */
export function scpDocumentsOver(state: OrgInventory, accountId: string): NamedDocument[] {
  if (state.coverage.serviceControlPolicies !== "COLLECTED" || accountId === state.organization?.managementAccountId) return [];
  const parentOf = new Map<string, string>(state.ous.map((ou) => [ou.id, ou.parentId]));
  const chain: string[] = [accountId];
  let current = state.accounts.find((a) => a.id === accountId)?.parentId;
  while (current !== undefined && chain.length < 12) {
    chain.unshift(current);
    current = parentOf.get(current);
  }
  return chain.flatMap((target) =>
    state.serviceControlPolicies
      .filter((scp) => scp.targets.some((t) => t.targetId === target))
      .map((scp) => ({ source: `SCP ${scp.name} (${scp.id})`, document: scp.document })),
  );
}
