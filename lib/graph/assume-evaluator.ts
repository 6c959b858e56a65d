import {
  runSimulation,
  type AllowedConditionExpression,
  type DiscoveryContextKeyConstraint,
  type RequestAnalysis,
  type Simulation,
} from "@cloud-copilot/iam-simulate";
import type { PolicyDocument } from "../aws";
import type { ScpLevel } from "./scp-chain";
import type { EdgeCondition } from "./types";

export interface AssumeRequest {
  action: string;
  principalArn: string;
  targetArn: string;
  targetAccountId: string;
  trustPolicy: PolicyDocument;
  identityPolicies: Array<{ name: string; policy: PolicyDocument }>;
  /** null: no boundary; an empty list: a boundary that grants nothing */
  boundaryPolicies: Array<{ name: string; policy: PolicyDocument }> | null;
  serviceControlPolicies: ScpLevel[];
  /** caller keys and their values; only these keys count as known */
  context: Record<string, string | string[]>;
}

export type AssumeDecision =
  | { allowed: true; conditions: EdgeCondition[]; grantedBy: "trust-policy" | "trust-and-identity" }
  | { allowed: false }
  | { allowed: false; error: string };

const NOTHING_GRANTED: PolicyDocument = { Version: "2012-10-17", Statement: [] };

/**
 * One AssumeRole decision by the maintained evaluator (`@cloud-copilot/iam-simulate`) in Discovery
 * mode: the caller keys given in `context` are declared known (present with that value, or known
 * absent: a missing tag is a fact); every other key is request-time, and an allow that depends on
 * one comes back with the conditions it needs.
 */
export async function evaluateAssume(request: AssumeRequest): Promise<AssumeDecision> {
  const simulation: Simulation = {
    request: {
      principal: request.principalArn,
      action: request.action,
      resource: { resource: request.targetArn, accountId: request.targetAccountId },
      contextVariables: request.context,
    },
    identityPolicies: request.identityPolicies,
    serviceControlPolicies: request.serviceControlPolicies,
    resourceControlPolicies: [],
    resourcePolicy: request.trustPolicy,
    ...(request.boundaryPolicies
      ? {
          permissionBoundaryPolicies:
            request.boundaryPolicies.length > 0 ? request.boundaryPolicies : [{ name: "unresolved-boundary", policy: NOTHING_GRANTED }],
        }
      : {}),
  };
  const result = await runSimulation(simulation, {
    simulationMode: "Discovery",
    discoveryContextKeyConstraints: knownKeyConstraints(request.context),
  });
  if (result.resultType === "error") return { allowed: false, error: result.errors.message };
  if (result.overallResult !== "Allowed") return { allowed: false };
  const analysis = result.resultType === "single" ? result.result.analysis : result.results[0]?.analysis;
  if (!analysis) return { allowed: false };
  return { allowed: true, conditions: conditionsOf(analysis), grantedBy: grantedBy(analysis) };
}

function knownKeyConstraints(context: Record<string, string | string[]>): DiscoveryContextKeyConstraint[] {
  const known = (keyName: string): DiscoveryContextKeyConstraint => ({ keyName, presenceIsKnown: true, valueIsKnown: true });
  const keys = Object.keys(context).filter((key) => !key.toLowerCase().startsWith("aws:principaltag/"));
  // Tags are known as a whole: a tag the principal lacks is known to be absent.
  if (Object.hasOwn(context, "aws:PrincipalArn")) keys.push("/^aws:principaltag\\/.*/");
  return keys.map(known);
}

function grantedBy(analysis: RequestAnalysis): "trust-policy" | "trust-and-identity" {
  return analysis.sameAccount && analysis.resourceAnalysis?.result === "Allowed" ? "trust-policy" : "trust-and-identity";
}

const POLICY_KIND: Record<string, EdgeCondition["policy"]> = {
  resource: "trust",
  identity: "identity",
  permissionBoundary: "boundary",
  scp: "scp",
};

/** The request-time conditions an allow depends on, each once, in the order the evaluator gives them. */
function conditionsOf(analysis: RequestAnalysis): EdgeCondition[] {
  const out: EdgeCondition[] = [];
  const seen = new Set<string>();
  const add = (condition: EdgeCondition) => {
    const key = JSON.stringify(condition);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(condition);
  };
  const walk = (expression: AllowedConditionExpression | undefined) => {
    if (!expression) return;
    switch (expression.conditionType) {
      case "group":
        expression.conditions.forEach(walk);
        return;
      case "condition":
        for (const source of expression.sources) {
          add({
            operator: expression.inverted ? `Not(${expression.op})` : expression.op,
            key: expression.key,
            values: expression.values,
            policy: POLICY_KIND[source.policyType] ?? "identity",
            statementSid: source.statementId ?? null,
          });
        }
        return;
      case "sessionName":
        for (const source of expression.sources) {
          add({
            operator: "StringLike",
            key: "sts:RoleSessionName",
            values: expression.sessionName,
            policy: POLICY_KIND[source.policyType] ?? "identity",
            statementSid: source.statementId ?? null,
          });
        }
        return;
      default:
        return;
    }
  };
  walk(analysis.conditions);
  return out;
}
