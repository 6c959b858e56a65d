import { conditionsOf, principalsOf, statementCoversAction, statementsOf, type PolicyStatement } from "../policy";
import type { PolicyDocument } from "../aws";
import { ASSUME_ROLE } from "./caller-directory";
import type { EdgeCondition, GraphNote } from "./types";

/** A principal outside the org's IAM that a trust lets in: a service or a federated provider. */
export interface OutsidePrincipal {
  type: "Service" | "Federated";
  value: string;
  action: string;
  conditions: EdgeCondition[];
}

/** Who a trust policy could let assume the role, before any evaluation. */
export interface TrustCandidates {
  /** principals named by ARN (resolved against the snapshot by the caller) */
  namedArns: Set<string>;
  /** organization accounts (or any account) named as a whole: every principal of each is a candidate */
  accounts: Set<string>;
  /** `*` or NotPrincipal: every principal anywhere */
  everyone: boolean;
  outside: OutsidePrincipal[];
  /** some statement (Allow or Deny, Principal or NotPrincipal) names a principal narrower than an account */
  namesPrincipals: boolean;
  /** principal values that name nobody any more or cannot be read */
  unusable: Array<Pick<GraphNote, "code" | "message">>;
}

const SAML_PROVIDER = /^arn:[\w-]+:iam::\d{12}:saml-provider\//;

/**
 * Candidates from each Allow statement that could grant an assume action: principals named by ARN,
 * whole accounts (root ARN or bare id), `*` and NotPrincipal (everyone; the evaluator applies the
 * exclusion), services and federated providers. Unique ids (`AROA…`) name a deleted principal.
 */
export function trustCandidates(trustPolicy: PolicyDocument | null): TrustCandidates {
  const out: TrustCandidates = {
    namedArns: new Set(),
    accounts: new Set(),
    everyone: false,
    namesPrincipals: false,
    outside: [],
    unusable: [],
  };
  for (const statement of statementsOf(trustPolicy)) {
    const { negated, principals } = principalsOf(statement);
    if (principals.some((p) => p.aws && !["any", "account"].includes(p.aws.kind))) out.namesPrincipals = true;
    if (statement.Effect !== "Allow") continue;
    const grantsAssume = statementCoversAction(statement, ASSUME_ROLE);
    if (negated) {
      if (grantsAssume) out.everyone = true;
      continue;
    }
    for (const principal of principals) {
      if (principal.type === "Service" || principal.type === "Federated") {
        addOutside(out, statement, principal.type, principal.value);
        continue;
      }
      if (!grantsAssume || !principal.aws) continue;
      const aws = principal.aws;
      switch (aws.kind) {
        case "any":
          out.everyone = true;
          break;
        case "account":
          out.accounts.add(aws.accountId);
          break;
        case "role":
        case "user":
          out.namedArns.add(aws.arn);
          break;
        case "unique-id":
          out.unusable.push({
            code: "TRUST_DANGLING_PRINCIPAL",
            message: `trust names ${aws.id}, the unique id of a deleted ${aws.prefix === "AIDA" ? "user" : "principal"}; it lets no one in`,
          });
          break;
        default:
          out.unusable.push({ code: "TRUST_PRINCIPAL_UNSUPPORTED", message: `trust principal ${principal.value} is not evaluated` });
      }
    }
  }
  return out;
}

function addOutside(out: TrustCandidates, statement: PolicyStatement, type: "Service" | "Federated", value: string): void {
  const action = type === "Service" ? ASSUME_ROLE : SAML_PROVIDER.test(value) ? "sts:AssumeRoleWithSAML" : "sts:AssumeRoleWithWebIdentity";
  if (!statementCoversAction(statement, action)) return;
  const conditions = conditionsOf(statement).map((entry): EdgeCondition => ({
    ...entry,
    policy: "trust",
    statementSid: typeof statement.Sid === "string" ? statement.Sid : null,
  }));
  out.outside.push({ type, value, action, conditions });
}
