import type { GraphEdge, GraphNode, TrustGraph } from "../graph";
import { findAccessPaths } from "./access-paths";
import type { AccessSubject } from "./access-subject";

/** Nodes and edges ready for a node/edge renderer (`@xyflow/react` with an automatic layout). */
export interface ChainSubgraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** the node the chain is about */
  focusId: string | null;
  /** the node or path cap was reached: not every chain is drawn */
  truncated: boolean;
}

export interface ChainSubgraphOptions {
  maxNodes?: number;
  maxAssumeHops?: number;
}

/**
 * The chain of one person, group or IAM principal: every path from it (person → group → permission
 * set → reserved role → role …) and, for a role, also every way into it (who is assigned the
 * permission set that provisions it in its account, who can assume it), as one subgraph.
 */
export function chainSubgraph(graph: TrustGraph, subject: AccessSubject, options: ChainSubgraphOptions = {}): ChainSubgraph {
  const maxNodes = options.maxNodes ?? 300;
  const collected = new Collector(graph, maxNodes);
  if (subject.kind === "account") {
    return { nodes: [], edges: [], focusId: null, truncated: false };
  }
  const { paths, truncated } = findAccessPaths(graph, subject, { maxAssumeHops: options.maxAssumeHops ?? 4, maxPaths: maxNodes * 10 });
  for (const path of paths) {
    for (let i = 0; i < path.hops.length; i++) {
      const node = path.hops[i]!;
      collected.node(node);
      const previous = path.hops[i - 1];
      if (previous) collected.edgeBetween(previous.id, node.id, path.accountId);
    }
  }
  if (subject.node.kind === "IAM_ROLE" || subject.node.kind === "RESERVED_ROLE") collected.upstream(subject.node);
  return { nodes: collected.nodes(), edges: collected.edges(), focusId: subject.node.id, truncated: truncated || collected.full };
}

class Collector {
  private readonly nodeMap = new Map<string, GraphNode>();
  private readonly edgeSet = new Set<GraphEdge>();
  full = false;

  constructor(
    private readonly graph: TrustGraph,
    private readonly maxNodes: number,
  ) {}

  node(node: GraphNode): boolean {
    if (this.nodeMap.has(node.id)) return true;
    if (this.nodeMap.size >= this.maxNodes) {
      this.full = true;
      return false;
    }
    this.nodeMap.set(node.id, node);
    return true;
  }

  /** The edge a path took between two nodes (an assignment or provisioning in the path's account). */
  edgeBetween(from: string, to: string, accountId: string): void {
    const candidates = (this.graph.outgoing.get(from) ?? []).filter((e) => e.to === to);
    const edge = candidates.find((e) => e.kind !== "ASSIGNED" || e.accountId === accountId) ?? candidates[0];
    if (edge && this.nodeMap.has(from) && this.nodeMap.has(to)) this.edgeSet.add(edge);
  }

  /** Who reaches the role: can-assume callers (transitively), and the assignees of its permission set in its account. */
  upstream(role: GraphNode): void {
    const queue: Array<{ node: GraphNode; depth: number; accountId: string | null }> = [
      { node: role, depth: 0, accountId: role.accountId },
    ];
    while (queue.length > 0 && !this.full) {
      const { node, depth, accountId } = queue.shift()!;
      if (depth >= 6) continue;
      for (const edge of this.graph.incoming.get(node.id) ?? []) {
        if (edge.kind === "ASSIGNED" && edge.accountId !== accountId) continue;
        if (edge.kind === "PROVISIONED_AS" && edge.accountId !== accountId) continue;
        const from = this.graph.nodes.get(edge.from);
        // Identity Center's SAML sign-in into a reserved role is drawn as its permission set's provisioning.
        if (!from || (from.kind === "FEDERATED_PROVIDER" && node.kind === "RESERVED_ROLE")) continue;
        const known = this.nodeMap.has(from.id);
        if (!this.node(from)) return;
        this.edgeSet.add(edge);
        if (!known) queue.push({ node: from, depth: depth + 1, accountId: edge.kind === "CAN_ASSUME" ? from.accountId : accountId });
      }
    }
  }

  nodes(): GraphNode[] {
    return [...this.nodeMap.values()];
  }

  edges(): GraphEdge[] {
    return [...this.edgeSet];
  }
}
