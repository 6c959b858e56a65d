import type { GraphEdge, TrustGraph } from "../graph";

/** Edges by source and kind, and provisioning by (permission set, account): walks without scanning. */
export interface GraphIndex {
  out(id: string, kind: GraphEdge["kind"]): readonly GraphEdge[];
  provisioned(permissionSetId: string, accountId: string): readonly GraphEdge[];
}

const NONE: readonly GraphEdge[] = [];
const indexes = new WeakMap<TrustGraph, GraphIndex>();

/** The index of a graph, built once per graph (a permission set provisions a role in every account it is assigned to). */
export function graphIndex(graph: TrustGraph): GraphIndex {
  const cached = indexes.get(graph);
  if (cached) return cached;
  const byKind = new Map<GraphEdge["kind"], Map<string, GraphEdge[]>>();
  const provisioned = new Map<string, Map<string, GraphEdge[]>>();
  for (const edge of graph.edges) {
    push(byKind, edge.kind, edge.from, edge);
    if (edge.kind === "PROVISIONED_AS" && edge.accountId) push(provisioned, edge.from, edge.accountId, edge);
  }
  const index: GraphIndex = {
    out: (id, kind) => byKind.get(kind)?.get(id) ?? NONE,
    provisioned: (permissionSetId, accountId) => provisioned.get(permissionSetId)?.get(accountId) ?? NONE,
  };
  indexes.set(graph, index);
  return index;
}

function push<K>(map: Map<K, Map<string, GraphEdge[]>>, outer: K, inner: string, edge: GraphEdge): void {
  let byInner = map.get(outer);
  if (!byInner) {
    byInner = new Map();
    map.set(outer, byInner);
  }
  const list = byInner.get(inner);
  if (list) list.push(edge);
  else byInner.set(inner, [edge]);
}
