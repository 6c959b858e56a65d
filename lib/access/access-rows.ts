import type { OrgInventory, PermissionSet } from "../aws";
import type { EdgeCondition, GraphNode, GraphNodeKind } from "../graph";
import type { AccessPath } from "./access-paths";
import { effectiveSession } from "./session-duration";

export interface AccessHop {
  kind: GraphNodeKind;
  id: string;
  label: string;
  arn: string | null;
}

/** One row of `vigil access` and of the access page: one path from a principal to a role. */
export interface AccessRow {
  /** who the path starts from: a person's user name, a group, an IAM principal's ARN, an outside account */
  principal: string;
  accountId: string;
  accountName: string | null;
  via: AccessHop[];
  permissionSet: string | null;
  roleArn: string | null;
  effectiveSessionSeconds: number;
  cappedByChaining: boolean;
  conditional: boolean;
  conditions: EdgeCondition[];
  /** ISO-8601; null when no ingested CloudTrail event shows the last hop used */
  lastUsedAt: string | null;
}

/**
 * Each path with its row (lastUsedAt not yet joined), ordered by account name, principal, role and
 * path length.
 */
export function toAccessRows(state: OrgInventory, paths: readonly AccessPath[]): Array<{ row: AccessRow; path: AccessPath }> {
  const { accountNames, permissionSets, maxSession } = lookupsOf(state);
  const rows = paths.map((path) => {
    const set = path.permissionSet?.arn ? permissionSets.get(path.permissionSet.arn) : undefined;
    const firstTarget = path.assumeEdges[0]?.to;
    const session = effectiveSession(
      path.permissionSet
        ? { permissionSetDuration: set?.sessionDuration ?? null }
        : { maxSessionDuration: firstTarget ? maxSession.get(firstTarget) : null },
      path.chainedHops,
    );
    const row: AccessRow = {
      principal: principalLabel(path),
      accountId: path.accountId,
      accountName: accountNames.get(path.accountId) ?? null,
      via: path.hops.map(hopOf),
      permissionSet: path.permissionSet?.label ?? null,
      roleArn: path.role?.arn ?? null,
      ...session,
      conditional: path.conditional,
      conditions: path.conditions,
      lastUsedAt: null,
    };
    return { row, path };
  });
  return rows.sort(
    ({ row: a }, { row: b }) =>
      compare(a.accountName ?? a.accountId, b.accountName ?? b.accountId) ||
      compare(a.principal, b.principal) ||
      compare(a.roleArn ?? "", b.roleArn ?? "") ||
      a.via.length - b.via.length,
  );
}

function principalLabel(path: AccessPath): string {
  return path.start.kind === "IAM_USER" || path.start.kind === "IAM_ROLE" || path.start.kind === "RESERVED_ROLE"
    ? (path.start.arn ?? path.start.label)
    : path.start.label;
}

interface RowLookups {
  accountNames: Map<string, string>;
  permissionSets: Map<string, PermissionSet>;
  maxSession: Map<string, number | null>;
}

const lookups = new WeakMap<OrgInventory, RowLookups>();

/** Names, permission sets and role session limits of a state, gathered once per state. */
function lookupsOf(state: OrgInventory): RowLookups {
  const cached = lookups.get(state);
  if (cached) return cached;
  const maxSession = new Map<string, number | null>();
  for (const iam of Object.values(state.iamByAccount)) for (const role of iam.roles) maxSession.set(role.arn, role.maxSessionDuration);
  const built: RowLookups = {
    accountNames: new Map(state.accounts.map((a) => [a.id, a.name])),
    permissionSets: new Map((state.identityCenter?.permissionSets ?? []).map((p) => [p.arn, p])),
    maxSession,
  };
  lookups.set(state, built);
  return built;
}

// Code-point order: stable across locales, and cheap enough for hundreds of thousands of rows.
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const hops = new WeakMap<GraphNode, AccessHop>();

/** One frozen hop per node, shared by every row through it (a person's rows repeat the same hops). */
function hopOf(node: GraphNode): AccessHop {
  let hop = hops.get(node);
  if (!hop) {
    hop = Object.freeze({ kind: node.kind, id: node.id, label: node.label, arn: node.arn });
    hops.set(node, hop);
  }
  return hop;
}
