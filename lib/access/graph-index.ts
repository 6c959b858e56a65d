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
  const byKind = new Map<string, GraphEdge[]>();
  const provisioned = new Map<string, GraphEdge[]>();
  const push = (map: Map<string, GraphEdge[]>, key: string, edge: GraphEdge) => {
    const list = map.get(key);
    if (list) list.push(edge);
    else map.set(key, [edge]);
  };
  for (const edge of graph.edges) {
    push(byKind, `${edge.kind}\n${edge.from}`, edge);
    if (edge.kind === "PROVISIONED_AS" && edge.accountId) push(provisioned, `${edge.from}\n${edge.accountId}`, edge);
  }
  const index: GraphIndex = {
    out: (id, kind) => byKind.get(`${kind}\n${id}`) ?? NONE,
    provisioned: (permissionSetId, accountId) => provisioned.get(`${permissionSetId}\n${accountId}`) ?? NONE,
  };
  indexes.set(graph, index);
  return index;
}
