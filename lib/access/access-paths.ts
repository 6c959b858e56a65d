import type { EdgeCondition, GraphEdge, GraphNode, TrustGraph } from "../graph";
import type { AccessSubject } from "./access-subject";
import { graphIndex, type GraphIndex } from "./graph-index";

/** One way a principal reaches a role (or, when the role is not in the snapshot, an account). */
export interface AccessPath {
  start: GraphNode;
  /** every node in order, the start first */
  hops: GraphNode[];
  permissionSet: GraphNode | null;
  /** the last role reached; null when a permission set is assigned where its reserved role is not in the snapshot */
  role: GraphNode | null;
  accountId: string;
  /** the can-assume edges taken, in order */
  assumeEdges: GraphEdge[];
  /** can-assume hops made from a role session (role chaining) */
  chainedHops: number;
  conditional: boolean;
  conditions: EdgeCondition[];
}

export interface AccessPathOptions {
  /** only paths ending in this account */
  accountId?: string;
  /** most can-assume hops followed from the first role (default 5) */
  maxAssumeHops?: number;
  /** stop after this many paths (default 20,000); `truncated` says so */
  maxPaths?: number;
}

export interface AccessPathResult {
  paths: AccessPath[];
  truncated: boolean;
}

const ROLE_KINDS = new Set(["IAM_ROLE", "RESERVED_ROLE"]);
const NO_CONDITIONS: EdgeCondition[] = [];
const NO_EDGES: GraphEdge[] = [];

/**
 * Every path from the subject: person → (group →) permission set → reserved role → role → role …, an
 * IAM user or role → role …, or, for an account, every person's, IAM user's and outside principal's
 * paths into it. Cycle-safe (a node appears once per path) with a cap on hops and on paths.
 */
export function findAccessPaths(graph: TrustGraph, subject: AccessSubject, options: AccessPathOptions = {}): AccessPathResult {
  if (subject.kind === "account" && options.accountId && options.accountId !== subject.accountId) return { paths: [], truncated: false };
  const walker = new PathWalker(graph, subject.kind === "account" ? { ...options, accountId: subject.accountId } : options);
  for (const start of startsOf(graph, subject)) {
    if (walker.full) break;
    walker.walkFrom(start);
  }
  return { paths: walker.paths, truncated: walker.full };
}

function startsOf(graph: TrustGraph, subject: AccessSubject): GraphNode[] {
  if (subject.kind !== "account") return [subject.node];
  return [...graph.nodes.values()].filter((node) => ["IDC_USER", "IAM_USER", "EXTERNAL_ACCOUNT", "ANY_PRINCIPAL"].includes(node.kind));
}

class PathWalker {
  readonly paths: AccessPath[] = [];
  full = false;
  private readonly maxAssumeHops: number;
  private readonly maxPaths: number;
  private readonly reaches: Set<string> | null;
  private readonly index: GraphIndex;

  constructor(
    private readonly graph: TrustGraph,
    private readonly options: AccessPathOptions,
  ) {
    this.maxAssumeHops = options.maxAssumeHops ?? 5;
    this.maxPaths = options.maxPaths ?? 20_000;
    this.reaches = options.accountId ? nodesReaching(graph, options.accountId) : null;
    this.index = graphIndex(graph);
  }

  walkFrom(start: GraphNode): void {
    if (this.reaches && !this.reaches.has(start.id)) return;
    if (start.kind === "IDC_USER") {
      for (const edge of this.out(start.id, "ASSIGNED")) this.viaAssignment(start, [start], edge);
      for (const member of this.out(start.id, "MEMBER_OF")) {
        const group = this.graph.nodes.get(member.to);
        if (!group) continue;
        for (const edge of this.out(group.id, "ASSIGNED")) this.viaAssignment(start, [start, group], edge);
      }
    } else if (start.kind === "IDC_GROUP") {
      for (const edge of this.out(start.id, "ASSIGNED")) this.viaAssignment(start, [start], edge);
    } else {
      this.assume(start, [start], null, []);
    }
  }

  private viaAssignment(start: GraphNode, before: GraphNode[], assignment: GraphEdge): void {
    const permissionSet = this.graph.nodes.get(assignment.to);
    const accountId = assignment.accountId;
    if (!permissionSet || !accountId || this.full) return;
    const hops = [...before, permissionSet];
    const roles = this.index.provisioned(permissionSet.id, accountId);
    if (roles.length === 0) {
      this.emit(start, hops, permissionSet, null, accountId, NO_EDGES);
      return;
    }
    for (const provisioned of roles) {
      const role = this.graph.nodes.get(provisioned.to);
      if (!role || hops.some((h) => h.id === role.id)) continue;
      const withRole = [...hops, role];
      this.emit(start, withRole, permissionSet, role, accountId, NO_EDGES);
      this.assume(start, withRole, permissionSet, NO_EDGES);
    }
  }

  /** Follows can-assume edges from the last hop. */
  private assume(start: GraphNode, hops: GraphNode[], permissionSet: GraphNode | null, edges: GraphEdge[]): void {
    const from = hops[hops.length - 1]!;
    if (edges.length >= this.maxAssumeHops || this.full) return;
    for (const edge of this.out(from.id, "CAN_ASSUME")) {
      if (edge.action !== "sts:AssumeRole") continue;
      const target = this.graph.nodes.get(edge.to);
      if (!target || !ROLE_KINDS.has(target.kind) || hops.some((h) => h.id === target.id)) continue;
      if (this.reaches && !this.reaches.has(target.id)) continue;
      const nextHops = [...hops, target];
      const nextEdges = [...edges, edge];
      this.emit(start, nextHops, permissionSet, target, target.accountId ?? edge.accountId ?? "", nextEdges);
      if (this.full) return;
      this.assume(start, nextHops, permissionSet, nextEdges);
    }
  }

  private emit(
    start: GraphNode,
    hops: GraphNode[],
    permissionSet: GraphNode | null,
    role: GraphNode | null,
    accountId: string,
    assumeEdges: GraphEdge[],
  ): void {
    if (this.options.accountId && accountId !== this.options.accountId) return;
    if (this.paths.length >= this.maxPaths) {
      this.full = true;
      return;
    }
    const conditional = assumeEdges.some((edge) => edge.conditional);
    const conditions = conditional ? assumeEdges.flatMap((edge) => edge.conditions ?? []) : NO_CONDITIONS;
    // A role session (reserved or not) that assumes a role is chaining; an IAM user's or outside principal's first AssumeRole is not.
    const fromSession = permissionSet !== null || ROLE_KINDS.has(start.kind);
    const chainedHops = fromSession ? assumeEdges.length : Math.max(0, assumeEdges.length - 1);
    this.paths.push({ start, hops, permissionSet, role, accountId, assumeEdges, chainedHops, conditional, conditions });
  }

  private out(id: string, kind: GraphEdge["kind"]): readonly GraphEdge[] {
    return this.index.out(id, kind);
  }
}

/** Nodes from which some edge chain leads into the account (a sound pruning for one-account queries). */
function nodesReaching(graph: TrustGraph, accountId: string): Set<string> {
  const seen = new Set<string>();
  const queue: string[] = [];
  for (const node of graph.nodes.values()) {
    if (node.accountId === accountId && ROLE_KINDS.has(node.kind)) {
      seen.add(node.id);
      queue.push(node.id);
    }
  }
  for (const edge of graph.edges) {
    if (edge.kind === "ASSIGNED" && edge.accountId === accountId && !seen.has(edge.to)) {
      seen.add(edge.to);
      queue.push(edge.to);
    }
  }
  while (queue.length > 0) {
    const id = queue.pop()!;
    for (const edge of graph.incoming.get(id) ?? []) {
      if (!seen.has(edge.from)) {
        seen.add(edge.from);
        queue.push(edge.from);
      }
    }
  }
  return seen;
}
