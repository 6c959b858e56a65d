import type { SimAccount, SimOrganization, SimOrganizationalUnit, SimRoot } from "../model/organization";
import { FULL_AWS_ACCESS, SCP_MAX_CONTENT_CHARS, SCP_MAX_PER_TARGET, type SimServiceControlPolicy } from "../model/service-control-policy";
import type { Rng } from "../random/prng";
import { lowerAlnum } from "../random/ids";

export interface ScpDraft {
  name: string;
  description?: string;
  /** Policy JSON text. */
  content: string;
  targetIds: string[];
}

export interface ScpOrganization {
  organization: SimOrganization;
  roots: SimRoot[];
  organizationalUnits: SimOrganizationalUnit[];
  accounts: SimAccount[];
}

/** Customer SCP ids: `p-` and 8 lowercase alphanumerics, as Organizations issues them. */
export const newScpId = (rng: Rng): string => `p-${lowerAlnum(rng, 8)}`;

export const scpArn = (org: SimOrganization, id: string): string =>
  `arn:aws:organizations::${org.managementAccountId}:policy/${org.id}/service_control_policy/${id}`;

/** Every root, OU and account: where AWS attaches FullAWSAccess once SCPs are enabled. */
export const everyTargetId = (org: ScpOrganization): string[] => [
  ...org.roots.map((r) => r.id),
  ...org.organizationalUnits.map((o) => o.id),
  ...org.accounts.map((a) => a.id),
];

/** FullAWSAccess everywhere, then the drafts with fresh ids; enforces AWS's size and per-target quotas. */
export function buildServiceControlPolicies(org: ScpOrganization, drafts: readonly ScpDraft[], rng: Rng): SimServiceControlPolicy[] {
  const policies: SimServiceControlPolicy[] = [{ ...FULL_AWS_ACCESS, awsManaged: true, targetIds: everyTargetId(org) }];
  const usedIds = new Set<string>();
  const perTarget = new Map<string, number>();
  for (const draft of drafts) {
    if (draft.content.length > SCP_MAX_CONTENT_CHARS) throw new Error(`SCP ${draft.name} is over ${SCP_MAX_CONTENT_CHARS} characters`);
    if (policies.some((p) => p.name === draft.name)) throw new Error(`two SCPs are named ${draft.name}`);
    let id = newScpId(rng);
    while (usedIds.has(id)) id = newScpId(rng);
    usedIds.add(id);
    const targetIds = [...new Set(draft.targetIds)];
    for (const target of targetIds) {
      const count = (perTarget.get(target) ?? 1) + 1;
      if (count > SCP_MAX_PER_TARGET) throw new Error(`more than ${SCP_MAX_PER_TARGET} SCPs attached to ${target}`);
      perTarget.set(target, count);
    }
    policies.push({
      id,
      arn: scpArn(org.organization, id),
      name: draft.name,
      description: draft.description ?? "",
      content: draft.content,
      awsManaged: false,
      targetIds,
    });
  }
  return policies;
}

/** Resolves a scenario target (`root`, `ou:Workloads/Dev`, `account:<key>`) to its id. */
export function resolveScpTarget(org: ScpOrganization, accountIdByKey: ReadonlyMap<string, string>, target: string): string {
  if (target === "root") return (org.roots[0] as SimRoot).id;
  if (target.startsWith("account:")) {
    const id = accountIdByKey.get(target.slice("account:".length));
    if (id === undefined) throw new Error(`SCP target ${target} names an unknown account`);
    return id;
  }
  const names = target.slice("ou:".length).split("/");
  let parentId = (org.roots[0] as SimRoot).id;
  for (const name of names) {
    const ou = org.organizationalUnits.find((o) => o.parentId === parentId && o.name === name);
    if (ou === undefined) throw new Error(`SCP target ${target} names an unknown OU`);
    parentId = ou.id;
  }
  return parentId;
}
