import { z } from "zod";
import type { GraphEdge, TrustGraph } from "../graph";
import { nodeId } from "../graph";
import { SORT_DIRECTIONS, pageBounds, type Page } from "../snapshot";
import type { AccessContext } from "./access-context";
import { graphIndex, type GraphIndex } from "./graph-index";

export const ACCESS_MATRIX_SORTS = ["userName", "accounts"] as const;

export const ACCESS_MATRIX_INPUT = z.object({
  /** only accounts under this OU (at any depth) */
  ouId: z.string().max(128).optional(),
  /** only members of this Identity Center group */
  groupId: z.string().max(128).optional(),
  /** only access through this permission set */
  permissionSetArn: z.string().max(2048).optional(),
  /** user name, display name or email contains (case-insensitive) */
  search: z.string().trim().max(256).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(500).default(50),
  sort: z.enum(ACCESS_MATRIX_SORTS).default("userName"),
  dir: z.enum(SORT_DIRECTIONS).default("asc"),
});

export type AccessMatrixInput = z.input<typeof ACCESS_MATRIX_INPUT>;

/** What one person can reach in one account. */
export interface AccessMatrixCell {
  accountId: string;
  /** permission sets (names) their paths into the account start with */
  permissionSets: string[];
  /** roles reachable in the account (reserved roles included) */
  roleCount: number;
  /** some role is only reached by role chaining (sessions capped at one hour) */
  viaChaining: boolean;
  /** every path into the account depends on a request-time condition */
  conditional: boolean;
}

export interface AccessMatrixRow {
  userId: string;
  userName: string;
  displayName: string | null;
  email: string | null;
  cells: AccessMatrixCell[];
}

export interface AccessMatrixColumn {
  accountId: string;
  accountName: string;
  ouPath: string;
}

export interface AccessMatrix extends Page<AccessMatrixRow, (typeof ACCESS_MATRIX_SORTS)[number]> {
  snapshotId: number;
  /** the accounts in the filter (all of them without an OU filter), by name */
  columns: AccessMatrixColumn[];
}

const MAX_CHAIN_HOPS = 5;

/** People × accounts: for each Identity Center user, every account they reach and how. */
export function getAccessMatrix(context: AccessContext, input: AccessMatrixInput = {}): AccessMatrix {
  const filters = ACCESS_MATRIX_INPUT.parse(input);
  const { state, graph } = context;
  const inOu = filters.ouId ? accountsUnder(context, filters.ouId) : null;
  const columns = state.accounts
    .filter((a) => !inOu || inOu.has(a.id))
    .map((a) => ({ accountId: a.id, accountName: a.name, ouPath: a.ouPath }))
    .sort((a, b) => a.accountName.localeCompare(b.accountName));
  const columnIds = new Set(columns.map((c) => c.accountId));
  const members = filters.groupId
    ? new Set((state.identityCenter?.memberships ?? []).filter((m) => m.groupId === filters.groupId).map((m) => m.userId))
    : null;
  const search = filters.search?.toLowerCase();
  const reach = new RoleReach(graph);
  const rows: AccessMatrixRow[] = [];
  for (const user of state.identityCenter?.users ?? []) {
    if (members && !members.has(user.userId)) continue;
    if (search && ![user.userName, user.displayName ?? "", user.primaryEmail ?? ""].some((v) => v.toLowerCase().includes(search))) continue;
    const cells = cellsOf(graph, graphIndex(graph), reach, nodeId.idcUser(user.userId), columnIds, filters.permissionSetArn);
    if (cells.length === 0) continue;
    rows.push({ userId: user.userId, userName: user.userName, displayName: user.displayName, email: user.primaryEmail, cells });
  }
  const direction = filters.dir === "asc" ? 1 : -1;
  rows.sort((a, b) =>
    filters.sort === "accounts"
      ? direction * (a.cells.length - b.cells.length) || a.userName.localeCompare(b.userName)
      : direction * a.userName.localeCompare(b.userName),
  );
  const { offset, limit } = pageBounds(filters.page, filters.pageSize);
  return {
    rows: rows.slice(offset, offset + limit),
    total: rows.length,
    page: filters.page,
    pageSize: filters.pageSize,
    sort: { by: filters.sort, dir: filters.dir },
    snapshotId: context.snapshotId,
    columns,
  };
}

function cellsOf(
  graph: TrustGraph,
  index: GraphIndex,
  reach: RoleReach,
  personId: string,
  columns: Set<string>,
  permissionSetArn: string | undefined,
): AccessMatrixCell[] {
  const assignments: GraphEdge[] = [...index.out(personId, "ASSIGNED")];
  for (const member of index.out(personId, "MEMBER_OF")) assignments.push(...index.out(member.to, "ASSIGNED"));
  const cells = new Map<string, { sets: Set<string>; roles: Map<string, { chained: boolean; conditional: boolean }> }>();
  const cell = (accountId: string) => {
    let found = cells.get(accountId);
    if (!found) {
      found = { sets: new Set(), roles: new Map() };
      cells.set(accountId, found);
    }
    return found;
  };
  for (const assignment of assignments) {
    const set = graph.nodes.get(assignment.to);
    if (!set || !assignment.accountId || (permissionSetArn && set.arn !== permissionSetArn)) continue;
    if (columns.has(assignment.accountId)) cell(assignment.accountId).sets.add(set.label);
    for (const provisioned of index.provisioned(set.id, assignment.accountId)) {
      if (columns.has(assignment.accountId)) mergeRole(cell(assignment.accountId).roles, provisioned.to, false, false);
      for (const [roleId, how] of reach.from(provisioned.to)) {
        const role = graph.nodes.get(roleId);
        if (!role?.accountId || !columns.has(role.accountId)) continue;
        cell(role.accountId).sets.add(set.label);
        mergeRole(cell(role.accountId).roles, roleId, true, how.conditional);
      }
    }
  }
  return [...cells.entries()]
    .map(([accountId, { sets, roles }]) => ({
      accountId,
      permissionSets: [...sets].sort(),
      roleCount: roles.size,
      viaChaining: [...roles.values()].some((r) => r.chained),
      conditional: roles.size > 0 && [...roles.values()].every((r) => r.conditional),
    }))
    .sort((a, b) => a.accountId.localeCompare(b.accountId));
}

function mergeRole(
  roles: Map<string, { chained: boolean; conditional: boolean }>,
  id: string,
  chained: boolean,
  conditional: boolean,
): void {
  const existing = roles.get(id);
  if (!existing) roles.set(id, { chained, conditional });
  else {
    existing.chained &&= chained;
    existing.conditional &&= conditional;
  }
}

/** Roles reachable by role chaining from a role (breadth-first, hop-capped), computed once per role. */
class RoleReach {
  private readonly memo = new Map<string, Map<string, { conditional: boolean }>>();
  private readonly index: GraphIndex;

  constructor(graph: TrustGraph) {
    this.index = graphIndex(graph);
  }

  from(roleId: string): Map<string, { conditional: boolean }> {
    const cached = this.memo.get(roleId);
    if (cached) return cached;
    const found = new Map<string, { conditional: boolean }>();
    let frontier = [{ id: roleId, conditional: false }];
    for (let hop = 0; hop < MAX_CHAIN_HOPS && frontier.length > 0; hop++) {
      const next: typeof frontier = [];
      for (const { id, conditional } of frontier) {
        for (const edge of this.index.out(id, "CAN_ASSUME")) {
          if (edge.action !== "sts:AssumeRole" || edge.to === roleId) continue;
          const reachedConditionally = conditional || edge.conditional === true;
          const existing = found.get(edge.to);
          if (existing && (!existing.conditional || reachedConditionally)) continue;
          found.set(edge.to, { conditional: reachedConditionally });
          next.push({ id: edge.to, conditional: reachedConditionally });
        }
      }
      frontier = next;
    }
    this.memo.set(roleId, found);
    return found;
  }
}

function accountsUnder(context: AccessContext, ouId: string): Set<string> {
  const parentOf = new Map(context.state.ous.map((ou) => [ou.id, ou.parentId]));
  const under = (parentId: string): boolean => {
    for (
      let current: string | undefined = parentId, depth = 0;
      current !== undefined && depth < 12;
      current = parentOf.get(current), depth++
    ) {
      if (current === ouId) return true;
    }
    return false;
  };
  return new Set(context.state.accounts.filter((a) => under(a.parentId)).map((a) => a.id));
}
