import { describe, expect, it } from "vitest";
import type { ChainSubgraph } from "@/lib/access";
import { toChainProps } from "./to-chain-props";

const ROLE = "arn:aws:iam::111122223333:role/TeamRole";

describe("chain graph props", () => {
  it("marks the focus, links nodes, and labels a conditional edge with its condition keys", () => {
    const subgraph: ChainSubgraph = {
      nodes: [
        { id: "idc-user:u1", kind: "IDC_USER", label: "jane", accountId: null, arn: null },
        { id: ROLE, kind: "IAM_ROLE", label: "TeamRole", accountId: "111122223333", arn: ROLE },
        { id: "external-account:444455556666", kind: "EXTERNAL_ACCOUNT", label: "444455556666", accountId: "444455556666", arn: null },
      ],
      edges: [
        {
          from: "external-account:444455556666",
          to: ROLE,
          kind: "CAN_ASSUME",
          accountId: "111122223333",
          action: "sts:AssumeRole",
          conditional: true,
          conditions: [{ operator: "StringEquals", key: "sts:ExternalId", values: ["x"], policy: "trust", statementSid: null }],
        },
        { from: "idc-user:u1", to: ROLE, kind: "ASSIGNED", accountId: "111122223333" },
      ],
      focusId: "idc-user:u1",
      truncated: false,
    };
    const { nodes, edges } = toChainProps(subgraph);
    expect(nodes.map((n) => [n.id, n.focus, n.href])).toEqual([
      ["idc-user:u1", true, "/identity-center/users/u1"],
      [ROLE, false, `/iam/roles/detail?arn=${encodeURIComponent(ROLE)}`],
      ["external-account:444455556666", false, null],
    ]);
    expect(edges.map((e) => [e.conditional, e.label])).toEqual([
      [true, "can assume if sts:ExternalId"],
      [false, "assigned in 111122223333"],
    ]);
  });
});
