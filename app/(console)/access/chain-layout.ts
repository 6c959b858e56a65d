import dagre from "@dagrejs/dagre";

export type ChainNode = { id: string; kind: string; label: string; href: string | null; focus: boolean };
export type ChainEdge = { id: string; from: string; to: string; kind: string; conditional: boolean; label: string };
export type PlacedNode = ChainNode & { x: number; y: number };

export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 56;

/**
 * Positions for the chain, left to right in the order access flows (person → group → permission
 * set → reserved role → role …), by dagre; top-left corners, as @xyflow/react places nodes.
 */
export function layoutChain(nodes: readonly ChainNode[], edges: readonly ChainEdge[]): PlacedNode[] {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: "LR", nodesep: 24, ranksep: 72, marginx: 8, marginy: 8 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of nodes) graph.setNode(node.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const edge of edges) if (graph.hasNode(edge.from) && graph.hasNode(edge.to)) graph.setEdge(edge.from, edge.to);
  dagre.layout(graph);
  return nodes.map((node) => {
    const placed = graph.node(node.id);
    return { ...node, x: (placed?.x ?? 0) - NODE_WIDTH / 2, y: (placed?.y ?? 0) - NODE_HEIGHT / 2 };
  });
}
