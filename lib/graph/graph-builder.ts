import type { EdgeCondition, GraphEdge, GraphNode, TrustGraph } from "./types";

/** Collects nodes and edges; a can-assume edge found twice is kept once, unconditional if either is. */
export class GraphBuilder {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly edges: GraphEdge[] = [];
  private readonly assumeEdges = new Map<string, GraphEdge>();

  hasNode(id: string): boolean {
    return this.nodes.has(id);
  }

  addNode(node: GraphNode): void {
    if (!this.nodes.has(node.id)) this.nodes.set(node.id, node);
  }

  addEdge(edge: GraphEdge): void {
    this.edges.push(edge);
  }

  addAssumeEdge(edge: GraphEdge & { action: string; conditions: EdgeCondition[] }): void {
    const key = `${edge.from}\n${edge.to}\n${edge.action}`;
    const existing = this.assumeEdges.get(key);
    if (!existing) {
      const added: GraphEdge = { ...edge, conditional: edge.conditions.length > 0 };
      this.assumeEdges.set(key, added);
      this.edges.push(added);
      return;
    }
    if (!existing.conditional) return;
    if (edge.conditions.length === 0) {
      existing.conditional = false;
      existing.conditions = [];
      existing.grantedBy = edge.grantedBy;
      return;
    }
    const seen = new Set((existing.conditions ?? []).map((c) => JSON.stringify(c)));
    existing.conditions = [...(existing.conditions ?? []), ...edge.conditions.filter((c) => !seen.has(JSON.stringify(c)))];
  }

  build(snapshotId: number | null, notes: TrustGraph["notes"]): TrustGraph {
    const outgoing = new Map<string, GraphEdge[]>();
    const incoming = new Map<string, GraphEdge[]>();
    for (const edge of this.edges) {
      if (edge.kind === "CAN_ASSUME" && !edge.conditional) delete edge.conditions;
      push(outgoing, edge.from, edge);
      push(incoming, edge.to, edge);
    }
    return { snapshotId, nodes: this.nodes, edges: this.edges, outgoing, incoming, notes };
  }
}

function push(map: Map<string, GraphEdge[]>, key: string, edge: GraphEdge): void {
  const list = map.get(key);
  if (list) list.push(edge);
  else map.set(key, [edge]);
}
