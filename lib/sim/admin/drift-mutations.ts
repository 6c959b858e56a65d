import { randomUUID } from "node:crypto";
import { recordWriteEvent } from "../cloudtrail/record-write-event";
import {
  attachRolePolicyShape,
  createGroupMembershipShape,
  provisionPermissionSetShape,
  putInlinePolicyToPermissionSetShape,
  putRolePolicyShape,
  updatePermissionSetShape,
} from "../cloudtrail/write-event-shapes";
import type { IdcMembership } from "../model/identity-center";
import type { SimState } from "../model/state";
import { parsePolicyDocument } from "../policy/policy-document";
import {
  GROUP_MEMBERSHIP_INPUT,
  INLINE_POLICY_INPUT,
  PERMISSION_SET_UPDATE_INPUT,
  type AdminCallerInput,
  type GroupMembershipInput,
  type InlinePolicyInput,
  type PermissionSetUpdateInput,
} from "./admin-inputs";
import { changeOriginFor } from "./change-origin";
import { permissionSetOf, principalPrefix } from "./identity-center-mutations";

/**
 * Changes people make that Vigil reports as drift. Each one records the CloudTrail event AWS would
 * write for it, as the caller named (or the simulator's administrator).
 */

const RESERVED_INLINE_POLICY = "AwsSSOInlinePolicy";
const MANAGED_POLICY_ARN = /^arn:aws:iam::(?:aws|\d{12}):policy\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,128})$/;

function policyText(document: string | Record<string, unknown>): string {
  const text = typeof document === "string" ? document : JSON.stringify(document);
  if (parsePolicyDocument(text) === undefined) throw new Error("not a policy document");
  return text;
}

/** Identity Store CreateGroupMembership: a user joins a group (e.g. an admin group). */
export function addGroupMembership(state: SimState, raw: GroupMembershipInput, now: Date): IdcMembership {
  const input = GROUP_MEMBERSHIP_INPUT.parse(raw);
  const ic = state.identityCenter;
  const group = ic.groups.find((g) => g.groupId === input.group || g.displayName === input.group);
  if (group === undefined) throw new Error(`unknown group ${input.group}`);
  const user = ic.users.find((u) => u.userId === input.user || u.userName === input.user);
  if (user === undefined) throw new Error(`unknown Identity Center user ${input.user}`);
  // Identity Store refuses a second membership of the same user in a group (ConflictException).
  if (ic.memberships.some((m) => m.groupId === group.groupId && m.userId === user.userId)) {
    throw new Error(`${user.userName} is already a member of ${group.displayName}`);
  }
  const origin = changeOriginFor(state, state.organization.managementAccountId, input.caller, now);
  const membership: IdcMembership = {
    membershipId: `${principalPrefix(state)}-${randomUUID()}`,
    groupId: group.groupId,
    userId: user.userId,
  };
  ic.memberships.push(membership);
  state.revision++;
  recordWriteEvent(state, origin, createGroupMembershipShape({ identityStoreId: ic.instance.identityStoreId, ...membership }));
  return membership;
}

/** SSO Admin UpdatePermissionSet: session duration, description or relay state. */
export function updatePermissionSet(state: SimState, nameOrArn: string, raw: PermissionSetUpdateInput, now: Date): void {
  const input = PERMISSION_SET_UPDATE_INPUT.parse(raw);
  const ps = permissionSetOf(state, nameOrArn);
  const changes = { sessionDuration: input.sessionDuration, description: input.description, relayState: input.relayState };
  if (Object.values(changes).every((v) => v === undefined))
    throw new Error("nothing to update: give sessionDuration, description or relayState");
  const origin = changeOriginFor(state, state.organization.managementAccountId, input.caller, now);
  if (changes.sessionDuration !== undefined) ps.sessionDuration = changes.sessionDuration;
  if (changes.description !== undefined) ps.description = changes.description;
  if (changes.relayState !== undefined) ps.relayState = changes.relayState;
  state.revision++;
  const sent = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  recordWriteEvent(state, origin, updatePermissionSetShape(state.identityCenter.instance.instanceArn, ps.arn, sent));
}

/**
 * SSO Admin PutInlinePolicyToPermissionSet, then ProvisionPermissionSet to every account it is
 * provisioned in, as the console does: the reserved roles get the new `AwsSSOInlinePolicy`.
 */
export function putPermissionSetInlinePolicy(state: SimState, nameOrArn: string, raw: InlinePolicyInput, now: Date): void {
  const input = INLINE_POLICY_INPUT.parse(raw);
  const ps = permissionSetOf(state, nameOrArn);
  const text = policyText(input.document);
  const origin = changeOriginFor(state, state.organization.managementAccountId, input.caller, now);
  ps.inlinePolicy = text;
  const accounts = new Set(state.identityCenter.assignments.filter((a) => a.permissionSetArn === ps.arn).map((a) => a.accountId));
  for (const accountId of accounts) {
    const role = state.iam.get(accountId)?.roles.find((r) => r.roleName.startsWith(`AWSReservedSSO_${ps.name}_`));
    if (role === undefined) continue;
    role.inlinePolicies = [{ name: RESERVED_INLINE_POLICY, document: text }];
  }
  state.revision++;
  const instanceArn = state.identityCenter.instance.instanceArn;
  recordWriteEvent(state, origin, putInlinePolicyToPermissionSetShape(instanceArn, ps.arn, text));
  recordWriteEvent(state, origin, provisionPermissionSetShape(instanceArn, ps.arn, randomUUID()));
}

function roleIn(state: SimState, accountId: string, roleName: string) {
  const role = state.iam.getOrThrow(accountId).roles.find((r) => r.roleName === roleName);
  if (role === undefined) throw new Error(`unknown role ${roleName} in ${accountId}`);
  if (role.isProtected) throw new Error(`${roleName} is protected: only Identity Center changes it`);
  return role;
}

/** IAM AttachRolePolicy (idempotent, as in IAM; the event is recorded either way). */
export function attachRolePolicy(
  state: SimState,
  accountId: string,
  roleName: string,
  policyArn: string,
  now: Date,
  caller?: AdminCallerInput,
): void {
  const name = MANAGED_POLICY_ARN.exec(policyArn)?.[1];
  if (name === undefined) throw new Error(`not a managed policy ARN: ${policyArn}`);
  const role = roleIn(state, accountId, roleName);
  const origin = changeOriginFor(state, accountId, caller, now);
  if (!role.attachedPolicies.some((p) => p.arn === policyArn)) role.attachedPolicies.push({ name, arn: policyArn });
  state.revision++;
  recordWriteEvent(state, origin, attachRolePolicyShape(role.roleName, policyArn));
}

/** IAM PutRolePolicy: adds or replaces an inline policy. */
export function putRolePolicy(
  state: SimState,
  accountId: string,
  roleName: string,
  policy: { policyName: string; document: string | Record<string, unknown> },
  now: Date,
  caller?: AdminCallerInput,
): void {
  if (!/^[\w+=,.@-]{1,128}$/.test(policy.policyName)) throw new Error(`invalid policy name ${policy.policyName}`);
  const text = policyText(policy.document);
  const role = roleIn(state, accountId, roleName);
  const origin = changeOriginFor(state, accountId, caller, now);
  role.inlinePolicies = [...role.inlinePolicies.filter((p) => p.name !== policy.policyName), { name: policy.policyName, document: text }];
  state.revision++;
  recordWriteEvent(state, origin, putRolePolicyShape(role.roleName, policy.policyName, text));
}
