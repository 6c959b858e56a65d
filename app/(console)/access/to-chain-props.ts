import type { ChainSubgraph } from "@/lib/access";
import type { ChainEdge, ChainNode } from "./chain-layout";
import { graphNodeHref } from "./graph-node-href";

const EDGE_LABELS: Record<string, string> = {
  MEMBER_OF: "member of",
  ASSIGNED: "assigned",
  PROVISIONED_AS: "provisioned as",
  CAN_ASSUME: "can assume",
};

/** The chain subgraph as plain props for the client graph: labels, links and conditional edges. */
export function toChainProps(subgraph: ChainSubgraph): { nodes: ChainNode[]; edges: ChainEdge[] } {
  const nodes = subgraph.nodes.map((node) => ({
    id: node.id,
    kind: node.kind,
    label: node.label,
    href: graphNodeHref(node),
    focus: node.id === subgraph.focusId,
  }));
  const edges = subgraph.edges.map((edge, index) => {
    const conditions = (edge.conditions ?? []).map((c) => c.key);
    const base = EDGE_LABELS[edge.kind] ?? edge.kind;
    const where = edge.kind === "ASSIGNED" && edge.accountId ? ` in ${edge.accountId}` : "";
    return {
      id: `${index}:${edge.from}->${edge.to}`,
      from: edge.from,
      to: edge.to,
      kind: edge.kind,
      conditional: edge.conditional === true,
      label: `${base}${where}${conditions.length ? ` if ${conditions.join(", ")}` : ""}`,
    };
  });
  return { nodes, edges };
}
