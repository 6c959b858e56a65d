import type { Caller } from "../model/caller";
import { SERVICE_CONTROL_POLICY_TYPE } from "../model/service-control-policy";
import type { SimState } from "../model/state";
import { scpIndex, scpLevelsOf } from "../lookup/scp-lookup";
import type { ConditionContext } from "./condition-evaluation";
import { parsePolicyDocument } from "./policy-document";
import { evaluateScps, type ScpDecision } from "./scp-evaluation";

const SERVICE_LINKED_ROLE = /^arn:aws:iam::\d{12}:role\/aws-service-role\//;

/**
 * The SCP verdict on a caller's request, or undefined when SCPs do not govern the caller: the
 * management account, accounts outside the organization, service-linked roles, or a root where the
 * SCP policy type is not enabled.
 */
export function scpDecisionFor(
  state: SimState,
  caller: Caller,
  request: { action: string; resource: string; context: ConditionContext },
): ScpDecision | undefined {
  if (caller.accountId === state.organization.managementAccountId) return undefined;
  if (caller.kind === "assumed-role" && SERVICE_LINKED_ROLE.test(caller.roleArn)) return undefined;
  const levelIds = scpLevelsOf(state, caller.accountId);
  if (levelIds === undefined) return undefined;
  const root = state.roots.find((r) => r.id === levelIds[0]);
  if (!root?.policyTypes.some((p) => p.type === SERVICE_CONTROL_POLICY_TYPE && p.status === "ENABLED")) return undefined;
  const byTarget = scpIndex(state).byTarget;
  const levels = levelIds.map((targetId) => ({
    targetId,
    policies: (byTarget.get(targetId) ?? []).map((p) => ({ arn: p.arn, document: parsePolicyDocument(p.content) })),
  }));
  return evaluateScps(levels, request);
}
