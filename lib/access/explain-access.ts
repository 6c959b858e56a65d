import type { IamRole, OrgInventory, PermissionSet } from "../aws";
import type { GraphNode, TrustGraph } from "../graph";
import { principalsOf, statementsOf } from "../policy";
import { AccessError } from "./access-errors";
import { findAccessPaths, type AccessPath } from "./access-paths";
import type { AccessSubject } from "./access-subject";
import { explainUserDocuments } from "./explain-caller";
import { assignmentFix, provisionFix } from "./explain-fixes";
import { diagnoseHop } from "./explain-hop";
import { LINK_ORDER, type AccessExplanation, type ChainStep, type MissingLink } from "./explain-types";

const MAX_PATHS = 50_000;
const RESERVED = /AWSReservedSSO_(.+)_[0-9a-f]{16}$/;
const PROXY_TARGET_TAG = "vigil:proxy-target";

interface Candidate {
  chain: ChainStep[];
  missing: MissingLink;
  /** the chain the organization meant: a proxy set's target, or a principal the trust names */
  intended: boolean;
  sameAccount: boolean;
}

/**
 * Whether the subject reaches the target role, and if not, the first missing link of the closest
 * chain: every role the subject reaches (and every assignment it holds or a proxy or trust calls
 * for) is tried as the last step before the target; the chain the organization meant (a proxy
 * permission set's target, a principal the trust names) and that gets furthest wins.
 */
export function explainAccess(state: OrgInventory, graph: TrustGraph, subject: AccessSubject, targetArn: string): AccessExplanation {
  if (subject.kind === "account")
    throw new AccessError("UNSUPPORTED_SUBJECT", "explain access for a person, group, IAM user or role, not an account");
  const target = findRole(state, targetArn.trim());
  const accountName = (id: string) => state.accounts.find((a) => a.id === id)?.name ?? null;
  const base = {
    snapshotId: graph.snapshotId,
    subject: { kind: subject.kind, label: subject.kind === "person" ? subject.userName : subject.node.label },
    target: { arn: target.arn, roleName: target.roleName, accountId: target.accountId, accountName: accountName(target.accountId) },
  };
  const { paths } = findAccessPaths(graph, subject, { maxPaths: MAX_PATHS });
  const reaching = paths
    .filter((p) => p.role?.id === target.arn)
    .sort((a, b) => Number(a.conditional) - Number(b.conditional) || a.hops.length - b.hops.length);
  const [best] = reaching;
  if (best)
    return { ...base, reachable: true, chain: best.hops.map(step), conditions: best.conditions, missing: null, tried: reaching.length };

  const instanceArn = state.identityCenter?.instance.instanceArn ?? null;
  const targetStep = step(graph.nodes.get(target.arn) ?? roleNode(target));
  const candidates: Candidate[] = [];
  // Each role reached (shortest path to it), and an IAM principal itself, as the hop before the target.
  const sources = new Map<string, AccessPath | null>();
  if (subject.kind === "iam-principal") sources.set(subject.node.id, null);
  for (const path of paths) {
    if (!path.role) continue;
    const known = sources.get(path.role.id);
    if (known === undefined || (known && known.hops.length > path.hops.length)) sources.set(path.role.id, path);
  }
  for (const [id, path] of sources) {
    const node = graph.nodes.get(id);
    if (!node?.arn || !node.accountId) continue;
    const role = findRoleOrNull(state, node.arn);
    const permissionSet = path?.permissionSet && path.assumeEdges.length === 0 ? permissionSetOf(state, path.permissionSet) : null;
    const diagnosis = diagnoseHop(
      state,
      {
        facts: {
          arn: node.arn,
          accountId: node.accountId,
          orgId: state.organization?.id ?? null,
          tags: role?.tags ?? userTags(state, node),
        },
        label: permissionSet ? `${node.label} (permission set ${permissionSet.name})` : node.label,
        role,
        permissionSet,
        ...(node.kind === "IAM_USER" ? { userDocuments: explainUserDocuments(state, node.arn) } : {}),
      },
      target,
      instanceArn,
    );
    const isProxy = permissionSet !== null && node.accountId === target.accountId && proxyTargetOf(permissionSet) === target.roleName;
    candidates.push({
      chain: [...(path ? path.hops : [node]).map(step), missingStep(diagnosis.missing), targetStep],
      missing: diagnosis.missing,
      intended: isProxy || diagnosis.trustNames,
      sameAccount: node.accountId === target.accountId,
    });
  }
  if (subject.kind === "person" || subject.kind === "group")
    candidates.push(...assignmentCandidates(state, subject, paths, target, instanceArn, targetStep));
  const winner = candidates.sort(closestFirst)[0] ?? noRouteCandidate(subject, target, targetStep, instanceArn);
  return { ...base, reachable: false, chain: winner.chain, conditions: [], missing: winner.missing, tried: candidates.length };
}

function closestFirst(a: Candidate, b: Candidate): number {
  return (
    Number(b.intended) - Number(a.intended) ||
    LINK_ORDER[b.missing.code] - LINK_ORDER[a.missing.code] ||
    Number(b.sameAccount) - Number(a.sameAccount) ||
    a.chain.length - b.chain.length ||
    (a.chain.map((s) => s.id).join() < b.chain.map((s) => s.id).join() ? -1 : 1)
  );
}

/** Assignments that are there but not provisioned, and those a proxy set or the trust calls for but the subject lacks. */
function assignmentCandidates(
  state: OrgInventory,
  subject: Extract<AccessSubject, { kind: "person" | "group" }>,
  paths: readonly AccessPath[],
  target: IamRole,
  instanceArn: string | null,
  targetStep: ChainStep,
): Candidate[] {
  const out: Candidate[] = [];
  const held = new Set(paths.filter((p) => p.permissionSet).map((p) => `${assignmentAccount(p)}|${p.permissionSet!.arn}`));
  const sets = state.identityCenter?.permissionSets ?? [];
  const who = subject.kind === "person" ? subject.userName : subject.node.label;
  const type = subject.kind === "person" ? "USER" : "GROUP";
  const start = step(subject.node);
  const trustNamed = trustNamedPrincipals(target);
  for (const path of paths) {
    if (path.role || !path.permissionSet || path.accountId !== target.accountId) continue;
    const set = permissionSetOf(state, path.permissionSet);
    if (!set) continue;
    const missing: MissingLink = {
      code: "NOT_PROVISIONED",
      summary: `${who} is assigned ${set.name} on ${path.accountId}, but the permission set is not provisioned there: its AWSReservedSSO_${set.name}_… role does not exist.`,
      fragment: {
        source: `assignment of ${set.name} on ${path.accountId}`,
        json: JSON.stringify({ accountId: path.accountId, permissionSetArn: set.arn, principal: who }, null, 2),
      },
      fix: provisionFix(set, path.accountId, instanceArn),
    };
    const intended = proxyTargetOf(set) === target.roleName || trustNamed.reservedSets.has(`${path.accountId}|${set.name}`);
    out.push({ chain: [...path.hops.map(step), missingStep(missing), targetStep], missing, intended, sameAccount: true });
  }
  const wanted = new Map<string, { set: PermissionSet | null; name: string; accountId: string; why: string }>();
  for (const set of sets) {
    if (proxyTargetOf(set) === target.roleName)
      wanted.set(`${target.accountId}|${set.name}`, {
        set,
        name: set.name,
        accountId: target.accountId,
        why: `proxy permission set ${set.name} leads to ${target.roleName}`,
      });
  }
  for (const key of trustNamed.reservedSets) {
    const [accountId, name] = key.split("|") as [string, string];
    wanted.set(key, {
      set: sets.find((s) => s.name === name) ?? null,
      name,
      accountId,
      why: `the trust of ${target.roleName} names ${name}'s reserved role`,
    });
  }
  for (const { set, name, accountId, why } of wanted.values()) {
    if (set && held.has(`${accountId}|${set.arn}`)) continue;
    const missing: MissingLink = {
      code: "NO_ASSIGNMENT",
      summary: `${who} has no assignment of ${name} on account ${accountId}${accountLabel(state, accountId)}; ${why}.`,
      fragment: { source: `trust policy of ${target.arn}`, json: JSON.stringify(target.trustPolicy ?? {}, null, 2) },
      fix: assignmentFix(who, type, name, set?.arn ?? null, accountId, instanceArn),
    };
    out.push({ chain: [start, missingStep(missing), targetStep], missing, intended: true, sameAccount: accountId === target.accountId });
  }
  const reachedAccounts = new Set(paths.map((p) => p.role?.accountId).filter(Boolean));
  for (const accountId of trustNamed.accounts) {
    if (reachedAccounts.has(accountId) || !state.accounts.some((a) => a.id === accountId)) continue;
    const hint = trustNamed.conditionSets[0];
    const missing: MissingLink = {
      code: "NO_ASSIGNMENT",
      summary: `The trust of ${target.roleName} lets in principals of account ${accountId}${accountLabel(state, accountId)}${hint ? ` holding ${hint}` : ""}; ${who} has no assignment there.`,
      fragment: { source: `trust policy of ${target.arn}`, json: JSON.stringify(target.trustPolicy ?? {}, null, 2) },
      fix: assignmentFix(who, type, hint ?? "<permission set>", sets.find((s) => s.name === hint)?.arn ?? null, accountId, instanceArn),
    };
    out.push({ chain: [start, missingStep(missing), targetStep], missing, intended: true, sameAccount: accountId === target.accountId });
  }
  return out;
}

function noRouteCandidate(subject: AccessSubject, target: IamRole, targetStep: ChainStep, instanceArn: string | null): Candidate {
  const who = subject.kind === "person" ? subject.userName : subject.kind === "account" ? subject.accountName : subject.node.label;
  const missing: MissingLink = {
    code: "NO_ASSIGNMENT",
    summary: `${who} reaches no role at all, and ${target.roleName}'s trust names no assignment they could get.`,
    fragment: { source: `trust policy of ${target.arn}`, json: JSON.stringify(target.trustPolicy ?? {}, null, 2) },
    fix: assignmentFix(who, "USER", "<permission set>", null, target.accountId, instanceArn),
  };
  return {
    chain: [...(subject.kind === "account" ? [] : [step(subject.node)]), missingStep(missing), targetStep],
    missing,
    intended: false,
    sameAccount: false,
  };
}

/** What a trust names beyond single ARNs: reserved roles by permission set, whole accounts, and the sets a PrincipalArn condition wants. */
function trustNamedPrincipals(target: IamRole): { reservedSets: Set<string>; accounts: Set<string>; conditionSets: string[] } {
  const reservedSets = new Set<string>();
  const accounts = new Set<string>();
  const conditionSets: string[] = [];
  for (const statement of statementsOf(target.trustPolicy)) {
    if (statement.Effect !== "Allow") continue;
    for (const p of principalsOf(statement).principals) {
      if (p.aws?.kind === "account") accounts.add(p.aws.accountId);
      if (p.aws?.kind === "role") {
        const set = RESERVED.exec(p.aws.name)?.[1];
        if (set) reservedSets.add(`${p.aws.accountId}|${set}`);
      }
    }
    for (const block of Object.values(statement.Condition ?? {})) {
      for (const raw of Object.values(block ?? {})) {
        for (const value of Array.isArray(raw) ? raw : [raw]) {
          const set = /AWSReservedSSO_([^_*]+)_/.exec(String(value))?.[1];
          if (set && !conditionSets.includes(set)) conditionSets.push(set);
        }
      }
    }
  }
  return { reservedSets, accounts, conditionSets };
}

function findRole(state: OrgInventory, arn: string): IamRole {
  const role = findRoleOrNull(state, arn);
  if (role) return role;
  const shown = JSON.stringify(arn.length > 120 ? `${arn.slice(0, 120)}…` : arn);
  throw new AccessError(
    "UNKNOWN_TARGET",
    /^arn:[\w-]+:iam::\d{12}:role\//.test(arn)
      ? `no role ${shown} in this snapshot`
      : `${shown} is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)`,
  );
}

function findRoleOrNull(state: OrgInventory, arn: string): IamRole | null {
  const accountId = /^arn:[\w-]+:iam::(\d{12}):role\//.exec(arn)?.[1];
  if (!accountId) return null;
  const roles = state.iamByAccount[accountId]?.roles ?? [];
  return roles.find((r) => r.arn === arn) ?? roles.find((r) => r.arn.toLowerCase() === arn.toLowerCase()) ?? null;
}

function permissionSetOf(state: OrgInventory, node: GraphNode): PermissionSet | null {
  return state.identityCenter?.permissionSets.find((p) => p.arn === node.arn || `permission-set:${p.arn}` === node.id) ?? null;
}

/** A proxy permission set's target role: its `vigil:proxy-target` tag, else its name without `-Proxy`. */
function proxyTargetOf(set: PermissionSet | null): string | null {
  if (!set) return null;
  return set.tags?.[PROXY_TARGET_TAG] ?? (/-Proxy$/.test(set.name) ? set.name.slice(0, -"-Proxy".length) : null);
}

function assignmentAccount(path: AccessPath): string {
  const index = path.hops.findIndex((h) => h.id === path.permissionSet?.id);
  const reserved = path.hops[index + 1];
  return reserved?.kind === "RESERVED_ROLE" ? (reserved.accountId ?? path.accountId) : path.accountId;
}

function userTags(state: OrgInventory, node: GraphNode): Record<string, string> {
  if (node.kind !== "IAM_USER" || !node.accountId) return {};
  return state.iamByAccount[node.accountId]?.users.find((u) => u.arn === node.arn)?.tags ?? {};
}

const accountLabel = (state: OrgInventory, id: string) => {
  const name = state.accounts.find((a) => a.id === id)?.name;
  return name ? ` (${name})` : "";
};

const step = (node: GraphNode): ChainStep => ({
  kind: node.kind,
  id: node.id,
  label: node.label,
  arn: node.arn,
  accountId: node.accountId,
});

const roleNode = (role: IamRole): GraphNode => ({
  id: role.arn,
  kind: "IAM_ROLE",
  label: role.roleName,
  accountId: role.accountId,
  arn: role.arn,
});

const MISSING_LABEL: Record<MissingLink["code"], string> = {
  NO_ASSIGNMENT: "no assignment",
  NOT_PROVISIONED: "permission set not provisioned",
  TRUST_DOES_NOT_NAME: "trust does not name it",
  CONDITION_NOT_MET: "trust condition not met",
  IDENTITY_LACKS_ASSUME: "identity policy lacks sts:AssumeRole",
  SCP_DENIES: "an SCP denies",
  UNDECIDED: "denied (reason not identified)",
};

const missingStep = (missing: MissingLink): ChainStep => ({
  kind: "MISSING",
  id: null,
  label: MISSING_LABEL[missing.code],
  arn: null,
  accountId: null,
});
