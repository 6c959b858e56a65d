import type { GraphNode } from "@/lib/graph";
import { accountHref, iamUserHref, idcGroupHref, idcUserHref, permissionSetHref, roleHref } from "../_components/inventory-links";

/** The inventory page of a trust-graph node; null for what Vigil does not inventory (outside accounts, services, `*`). */
export function graphNodeHref(node: Pick<GraphNode, "kind" | "id" | "label" | "accountId" | "arn">): string | null {
  switch (node.kind) {
    case "IAM_ROLE":
    case "RESERVED_ROLE":
      return node.arn ? roleHref(node.arn) : null;
    case "IAM_USER":
      return node.arn ? iamUserHref(node.arn) : null;
    case "PERMISSION_SET":
      return node.arn ? permissionSetHref(node.arn) : null;
    case "IDC_GROUP":
      return node.id.startsWith("idc-group:") ? idcGroupHref(node.id.slice("idc-group:".length)) : null;
    case "IDC_USER":
      return node.id.startsWith("idc-user:") ? idcUserHref(node.id.slice("idc-user:".length)) : null;
    case "ACCOUNT":
      return node.accountId ? accountHref(node.accountId) : null;
    default:
      return null;
  }
}
