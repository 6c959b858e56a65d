import { randomUUID } from "node:crypto";
import type { IdcAssignment, IdcPermissionSet, IdcUser } from "../model/identity-center";
import type { SimState } from "../model/state";
import { createRng, hashString } from "../random/prng";
import { reservedRoleFor, samlProviderFor } from "../scenario/reserved-roles";
import { recordWriteEvent } from "../cloudtrail/record-write-event";
import { createAccountAssignmentShape } from "../cloudtrail/write-event-shapes";
import { ASSIGNMENT_INPUT, NEW_IDC_USER_INPUT, type AdminCallerInput, type AssignmentInput, type NewIdcUserInput } from "./admin-inputs";
import { changeOriginFor } from "./change-origin";

export function principalPrefix(state: SimState): string {
  const sample = state.identityCenter.users[0]?.userId ?? state.identityCenter.groups[0]?.groupId;
  return sample?.split("-")[0] ?? "0000000000";
}

export function addIdentityCenterUser(state: SimState, raw: NewIdcUserInput, now: Date): IdcUser {
  const input = NEW_IDC_USER_INPUT.parse(raw);
  if (state.identityCenter.users.some((u) => u.userName === input.userName)) throw new Error(`user ${input.userName} already exists`);
  const user: IdcUser = {
    userId: `${principalPrefix(state)}-${randomUUID()}`,
    userName: input.userName,
    displayName: `${input.givenName} ${input.familyName}`,
    givenName: input.givenName,
    familyName: input.familyName,
    email: input.email ?? input.userName,
    status: "ENABLED",
    createdAt: now,
  };
  state.identityCenter.users.push(user);
  for (const groupName of input.groups ?? []) {
    const group = state.identityCenter.groups.find((g) => g.displayName === groupName || g.groupId === groupName);
    if (group === undefined) throw new Error(`unknown group ${groupName}`);
    state.identityCenter.memberships.push({
      membershipId: `${principalPrefix(state)}-${randomUUID()}`,
      groupId: group.groupId,
      userId: user.userId,
    });
  }
  state.revision++;
  return user;
}

/** Deleting a user also drops their memberships and direct assignments, as Identity Center does. */
export function removeIdentityCenterUser(state: SimState, userIdOrName: string): void {
  const ic = state.identityCenter;
  const user = ic.users.find((u) => u.userId === userIdOrName || u.userName === userIdOrName);
  if (user === undefined) throw new Error(`unknown Identity Center user ${userIdOrName}`);
  ic.users = ic.users.filter((u) => u !== user);
  ic.memberships = ic.memberships.filter((m) => m.userId !== user.userId);
  const dropped = ic.assignments.filter((a) => a.principalId === user.userId);
  ic.assignments = ic.assignments.filter((a) => a.principalId !== user.userId);
  state.revision++;
  for (const a of dropped) deprovisionIfUnused(state, a.accountId, a.permissionSetArn);
}

export function permissionSetOf(state: SimState, nameOrArn: string): IdcPermissionSet {
  const ps = state.identityCenter.permissionSets.find((p) => p.arn === nameOrArn || p.name === nameOrArn);
  if (ps === undefined) throw new Error(`unknown permission set ${nameOrArn}`);
  return ps;
}

/** Assigning provisions the permission set: the account gets its AWSReservedSSO role. */
export function addAssignment(state: SimState, raw: AssignmentInput, now: Date, caller?: AdminCallerInput): IdcAssignment {
  const input = ASSIGNMENT_INPUT.parse(raw);
  const ps = permissionSetOf(state, input.permissionSet);
  if (!state.accounts.some((a) => a.id === input.accountId)) throw new Error(`unknown account ${input.accountId}`);
  const origin = changeOriginFor(state, state.organization.managementAccountId, caller, now);
  const assignment: IdcAssignment = {
    accountId: input.accountId,
    permissionSetArn: ps.arn,
    principalType: input.principalType,
    principalId: input.principalId,
  };
  const exists = state.identityCenter.assignments.some(
    (a) => a.accountId === assignment.accountId && a.permissionSetArn === ps.arn && a.principalId === assignment.principalId,
  );
  if (!exists) state.identityCenter.assignments.push(assignment);
  state.revision++;
  recordWriteEvent(
    state,
    origin,
    createAccountAssignmentShape({ instanceArn: state.identityCenter.instance.instanceArn, ...assignment, requestId: randomUUID() }),
  );
  const iam = state.iam.getOrThrow(input.accountId);
  const prefix = `AWSReservedSSO_${ps.name}_`;
  if (!iam.roles.some((r) => r.roleName.startsWith(prefix))) {
    const rng = createRng(hashString(`${input.accountId}:${ps.arn}:${state.revision}`, state.seed));
    let saml = iam.samlProviders.find((p) => p.name.startsWith("AWSSSO_"));
    if (saml === undefined) {
      saml = samlProviderFor(input.accountId, rng, now);
      iam.samlProviders.push(saml);
    }
    const existingPath = iam.roles.find((r) => r.roleName.startsWith("AWSReservedSSO_"))?.path;
    const region = existingPath?.split("/")[3] || undefined;
    iam.roles.push(
      reservedRoleFor({ accountId: input.accountId, permissionSet: ps, samlProvider: saml, rng, createDate: now, pathRegion: region }),
    );
  }
  return assignment;
}

export function removeAssignment(state: SimState, raw: AssignmentInput): void {
  const input = ASSIGNMENT_INPUT.parse(raw);
  const ps = permissionSetOf(state, input.permissionSet);
  const before = state.identityCenter.assignments.length;
  state.identityCenter.assignments = state.identityCenter.assignments.filter(
    (a) =>
      !(
        a.accountId === input.accountId &&
        a.permissionSetArn === ps.arn &&
        a.principalId === input.principalId &&
        a.principalType === input.principalType
      ),
  );
  if (state.identityCenter.assignments.length === before) throw new Error("no such assignment");
  state.revision++;
  deprovisionIfUnused(state, input.accountId, ps.arn);
}

/** Removing the last assignment deletes the reserved role; a re-assignment gets a new suffix. */
function deprovisionIfUnused(state: SimState, accountId: string, permissionSetArn: string): void {
  if (state.identityCenter.assignments.some((a) => a.accountId === accountId && a.permissionSetArn === permissionSetArn)) return;
  const ps = state.identityCenter.permissionSets.find((p) => p.arn === permissionSetArn);
  const iam = state.iam.get(accountId);
  if (ps === undefined || iam === undefined) return;
  const role = iam.roles.find((r) => r.roleName.startsWith(`AWSReservedSSO_${ps.name}_`));
  if (role === undefined) return;
  iam.roles = iam.roles.filter((r) => r !== role);
  state.revision++;
  state.deletedPrincipals.set(role.arn, { uniqueId: role.roleId, revision: state.revision });
}
