import type { SimServiceControlPolicy } from "../model/service-control-policy";
import type { SimState } from "../model/state";
import { cachedByRevision } from "./cached-by-revision";
import { organizationIndex } from "./organization-lookup";

export interface ScpIndex {
  byId: Map<string, SimServiceControlPolicy>;
  /** Policies attached directly to a root, OU or account, in the order ListPolicies returns them. */
  byTarget: Map<string, SimServiceControlPolicy[]>;
}

export const scpIndex = cachedByRevision((state): ScpIndex => {
  const byId = new Map<string, SimServiceControlPolicy>();
  const byTarget = new Map<string, SimServiceControlPolicy[]>();
  for (const policy of state.serviceControlPolicies) {
    byId.set(policy.id, policy);
    for (const target of policy.targetIds) {
      const list = byTarget.get(target) ?? [];
      list.push(policy);
      byTarget.set(target, list);
    }
  }
  return { byId, byTarget };
});

/** The root, the OUs from the top down, then the account: the levels whose SCPs govern it. */
export function scpLevelsOf(state: SimState, accountId: string): string[] | undefined {
  const index = organizationIndex(state);
  const account = index.accountsById.get(accountId);
  if (account === undefined) return undefined;
  const levels = [accountId];
  let parentId = account.parentId;
  for (let depth = 0; depth < 10 && parentId.startsWith("ou-"); depth++) {
    levels.unshift(parentId);
    const ou = index.ousById.get(parentId);
    if (ou === undefined) break;
    parentId = ou.parentId;
  }
  levels.unshift(parentId);
  return levels;
}
