import type { OrgInventory } from "../aws";
import { nodeId, type GraphNode, type TrustGraph } from "../graph";
import { AccessError } from "./access-errors";

/** Whose access is asked for: a person, a group, an IAM user or role, or everyone's into an account. */
export type AccessSubject =
  | { kind: "person"; node: GraphNode; userName: string; email: string | null }
  | { kind: "group"; node: GraphNode }
  | { kind: "iam-principal"; node: GraphNode }
  | { kind: "account"; accountId: string; accountName: string };

const ACCOUNT_ID = /^\d{12}$/;
const MAX_QUERY_LENGTH = 2048;

/**
 * Finds the subject a user typed: a 12-digit account id, an IAM role or user ARN, an Identity Center
 * user by email, user name or id, or a group by display name or id (names case-insensitively).
 */
export function resolveAccessSubject(state: OrgInventory, graph: TrustGraph, query: string): AccessSubject {
  const text = query.trim();
  if (text === "" || text.length > MAX_QUERY_LENGTH)
    throw new AccessError("UNKNOWN_PRINCIPAL", "give a principal: an email, user name, group, account id or IAM ARN");
  const shown = JSON.stringify(text.length > 120 ? `${text.slice(0, 120)}…` : text);
  if (ACCOUNT_ID.test(text)) {
    const account = state.accounts.find((a) => a.id === text);
    if (!account) throw new AccessError("UNKNOWN_PRINCIPAL", `account ${text} is not in the organization in this snapshot`);
    return { kind: "account", accountId: account.id, accountName: account.name };
  }
  if (text.startsWith("arn:")) {
    const node = graph.nodes.get(text) ?? findByLowerArn(graph, text);
    if (!node || !["IAM_ROLE", "IAM_USER", "RESERVED_ROLE"].includes(node.kind)) {
      throw new AccessError("UNKNOWN_PRINCIPAL", `no IAM role or user ${shown} in this snapshot`);
    }
    return { kind: "iam-principal", node };
  }
  const lower = text.toLowerCase();
  const idc = state.identityCenter;
  const users = (idc?.users ?? []).filter(
    (u) => u.userId === text || u.userName.toLowerCase() === lower || (u.primaryEmail !== null && u.primaryEmail.toLowerCase() === lower),
  );
  const groups = (idc?.groups ?? []).filter((g) => g.groupId === text || (g.displayName ?? "").toLowerCase() === lower);
  if (users.length + groups.length > 1) {
    const names = [...users.map((u) => `user ${u.userName}`), ...groups.map((g) => `group ${g.displayName ?? g.groupId}`)];
    throw new AccessError("AMBIGUOUS_PRINCIPAL", `${shown} names more than one principal (${names.join(", ")}); give an id`);
  }
  const [user] = users;
  if (user) {
    const node = graph.nodes.get(nodeId.idcUser(user.userId));
    if (node) return { kind: "person", node, userName: user.userName, email: user.primaryEmail };
  }
  const [group] = groups;
  if (group) {
    const node = graph.nodes.get(nodeId.idcGroup(group.groupId));
    if (node) return { kind: "group", node };
  }
  throw new AccessError(
    "UNKNOWN_PRINCIPAL",
    `no Identity Center user or group, account or IAM principal matches ${shown} in this snapshot`,
  );
}

function findByLowerArn(graph: TrustGraph, arn: string): GraphNode | undefined {
  const lower = arn.toLowerCase();
  for (const node of graph.nodes.values()) if (node.arn?.toLowerCase() === lower && node.id === node.arn) return node;
  return undefined;
}
