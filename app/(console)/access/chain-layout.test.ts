import { describe, expect, it } from "vitest";
import { layoutChain, NODE_WIDTH, type ChainNode } from "./chain-layout";

const node = (id: string): ChainNode => ({ id, kind: "IAM_ROLE", label: id, href: null, focus: false });

describe("chain layout", () => {
  it("places each hop of a chain to the right of the one before, without overlaps", () => {
    const placed = layoutChain(
      [node("person"), node("group"), node("set"), node("reserved"), node("role")],
      [
        { id: "1", from: "person", to: "group", kind: "MEMBER_OF", conditional: false, label: "" },
        { id: "2", from: "group", to: "set", kind: "ASSIGNED", conditional: false, label: "" },
        { id: "3", from: "set", to: "reserved", kind: "PROVISIONED_AS", conditional: false, label: "" },
        { id: "4", from: "reserved", to: "role", kind: "CAN_ASSUME", conditional: false, label: "" },
      ],
    );
    const xs = placed.map((p) => p.x);
    for (let i = 1; i < xs.length; i++) expect(xs[i]!).toBeGreaterThanOrEqual(xs[i - 1]! + NODE_WIDTH);
  });

  it("an edge to a node not drawn is skipped instead of adding a phantom node", () => {
    const placed = layoutChain([node("a")], [{ id: "1", from: "a", to: "missing", kind: "CAN_ASSUME", conditional: true, label: "" }]);
    expect(placed.map((p) => p.id)).toEqual(["a"]);
  });
});
