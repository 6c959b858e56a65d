import type { OrgInventory } from "../aws";
import type { CallerDirectory } from "./caller-directory";
import type { GraphBuilder } from "./graph-builder";
import { nodeId } from "./node-ids";

/** Accounts, IAM roles (reserved or not) and users as nodes. */
export function addInventoryNodes(builder: GraphBuilder, state: OrgInventory): void {
  for (const account of state.accounts) {
    builder.addNode({ id: nodeId.account(account.id), kind: "ACCOUNT", label: account.name, accountId: account.id, arn: account.arn });
  }
  for (const iam of Object.values(state.iamByAccount)) {
    for (const role of iam.roles) {
      builder.addNode({
        id: role.arn,
        kind: role.identityCenter ? "RESERVED_ROLE" : "IAM_ROLE",
        label: role.roleName,
        accountId: role.accountId,
        arn: role.arn,
      });
    }
    for (const user of iam.users) {
      builder.addNode({ id: user.arn, kind: "IAM_USER", label: user.userName, accountId: user.accountId, arn: user.arn });
    }
  }
}

/** Identity Center users, groups and permission sets, with membership, assignment and provisioning edges. */
export function addIdentityCenter(builder: GraphBuilder, state: OrgInventory, directory: CallerDirectory): void {
  const idc = state.identityCenter;
  if (!idc) return;
  for (const user of idc.users) {
    builder.addNode({ id: nodeId.idcUser(user.userId), kind: "IDC_USER", label: user.userName, accountId: null, arn: null });
  }
  for (const group of idc.groups) {
    builder.addNode({
      id: nodeId.idcGroup(group.groupId),
      kind: "IDC_GROUP",
      label: group.displayName ?? group.groupId,
      accountId: null,
      arn: null,
    });
  }
  for (const set of idc.permissionSets) {
    builder.addNode({ id: nodeId.permissionSet(set.arn), kind: "PERMISSION_SET", label: set.name, accountId: null, arn: set.arn });
  }
  for (const membership of idc.memberships) {
    const from = nodeId.idcUser(membership.userId);
    const to = nodeId.idcGroup(membership.groupId);
    if (builder.hasNode(from) && builder.hasNode(to)) builder.addEdge({ from, to, kind: "MEMBER_OF", accountId: null });
  }
  for (const assignment of idc.assignments) {
    const from = assignment.principalType === "USER" ? nodeId.idcUser(assignment.principalId) : nodeId.idcGroup(assignment.principalId);
    const to = nodeId.permissionSet(assignment.permissionSetArn);
    if (builder.hasNode(from) && builder.hasNode(to)) builder.addEdge({ from, to, kind: "ASSIGNED", accountId: assignment.accountId });
  }
  for (const iam of Object.values(state.iamByAccount)) {
    for (const role of iam.roles) {
      const set = directory.permissionSetOf(role);
      if (set) builder.addEdge({ from: nodeId.permissionSet(set.arn), to: role.arn, kind: "PROVISIONED_AS", accountId: role.accountId });
    }
  }
}
