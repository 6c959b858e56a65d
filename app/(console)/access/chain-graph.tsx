"use client";

import { Background, Controls, Handle, MarkerType, Position, ReactFlow, type Edge, type Node, type NodeProps } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useMemo } from "react";
import { layoutChain, NODE_HEIGHT, NODE_WIDTH, type ChainEdge, type ChainNode } from "./chain-layout";

type InventoryNodeData = { label: string; kind: string; href: string | null; focus: boolean };

const KIND_LABELS: Record<string, string> = {
  IDC_USER: "person",
  IDC_GROUP: "group",
  PERMISSION_SET: "permission set",
  RESERVED_ROLE: "SSO role",
  IAM_ROLE: "IAM role",
  IAM_USER: "IAM user",
  ACCOUNT: "account",
  EXTERNAL_ACCOUNT: "outside account",
  SERVICE: "service",
  FEDERATED_PROVIDER: "federated",
  ANY_PRINCIPAL: "anyone",
};

/** A node is a link to its inventory page (plain <a>, so it works without the graph's own click handling). */
function InventoryNode({ data }: NodeProps<Node<InventoryNodeData>>) {
  return (
    <div
      data-testid="chain-node"
      data-kind={data.kind}
      style={{
        width: NODE_WIDTH,
        height: NODE_HEIGHT,
        boxSizing: "border-box",
        padding: "6px 10px",
        border: `${data.focus ? 2 : 1}px solid ${data.focus ? "var(--accent)" : "var(--border)"}`,
        borderRadius: 6,
        background: "var(--card)",
        fontSize: 12,
        overflow: "hidden",
      }}
    >
      <Handle type="target" position={Position.Left} />
      <div style={{ color: "var(--muted)", fontSize: 11 }}>{KIND_LABELS[data.kind] ?? data.kind}</div>
      <div style={{ whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" }} title={data.label}>
        {data.href ? (
          <a href={data.href} className="nodrag">
            {data.label}
          </a>
        ) : (
          data.label
        )}
      </div>
      <Handle type="source" position={Position.Right} />
    </div>
  );
}

const NODE_TYPES = { inventory: InventoryNode };

/** The chain of one person, group or role, laid out left to right by dagre and drawn by @xyflow/react. */
export function ChainGraph({ nodes, edges, label }: { nodes: ChainNode[]; edges: ChainEdge[]; label: string }) {
  const { flowNodes, flowEdges } = useMemo(() => {
    const placed = layoutChain(nodes, edges);
    const flowNodes: Array<Node<InventoryNodeData>> = placed.map((node) => ({
      id: node.id,
      type: "inventory",
      position: { x: node.x, y: node.y },
      data: { label: node.label, kind: node.kind, href: node.href, focus: node.focus },
      connectable: false,
    }));
    const flowEdges: Edge[] = edges.map((edge) => ({
      id: edge.id,
      source: edge.from,
      target: edge.to,
      label: edge.label || undefined,
      animated: edge.conditional,
      markerEnd: { type: MarkerType.ArrowClosed },
      style: edge.conditional ? { strokeDasharray: "6 4", stroke: "var(--warn)" } : undefined,
    }));
    return { flowNodes, flowEdges };
  }, [nodes, edges]);
  return (
    <div style={{ width: "100%", height: 480, border: "1px solid var(--border)", borderRadius: 8 }} aria-label={label} role="figure">
      <ReactFlow
        nodes={flowNodes}
        edges={flowEdges}
        nodeTypes={NODE_TYPES}
        fitView
        nodesConnectable={false}
        proOptions={{ hideAttribution: false }}
        minZoom={0.1}
      >
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
