import { z } from "zod";
import {
  assignmentKey,
  type AccountAssignment,
  type IdcGroup,
  type IdcGroupMembership,
  type IdcUser,
  type IdentityCenterInstance,
  type IdentityCenterInventory,
  type InventoryCoverage,
  type NamedPolicy,
  type PermissionSet,
} from "../aws";
import type { ImportFiles } from "./read-import-directory";

const POLICY_OBJECT = z.record(z.string(), z.unknown());

export interface MappedIdentityCenter {
  inventory: IdentityCenterInventory | null;
  coverage: InventoryCoverage["identityCenter"];
  notes: string[];
}

function inlinePolicy(value: string | Record<string, unknown> | null | undefined): NamedPolicy | null {
  if (value === null || value === undefined || value === "") return null;
  // SSO Admin returns the inline policy as plain JSON text (no URL encoding).
  const text = typeof value === "string" ? value : JSON.stringify(value);
  let document: NamedPolicy["document"] = null;
  try {
    const parsed = POLICY_OBJECT.safeParse(JSON.parse(text));
    document = parsed.success ? parsed.data : null;
  } catch {
    document = null;
  }
  return { name: "inline", document, rawDocument: text };
}

/** `arn:aws:sso:::permissionSet/ssoins-…/ps-…` → `arn:aws:sso:::instance/ssoins-…` */
function instanceArnOf(permissionSetArn: string): string | null {
  const match = /^(arn:[\w-]+:sso:::)permissionSet\/(ssoins-[^/]+)\//.exec(permissionSetArn);
  return match ? `${match[1]}instance/${match[2]}` : null;
}

function chooseInstance(files: ImportFiles, notes: string[]): IdentityCenterInstance | null {
  const listed = files.identityCenter.instances?.Instances;
  if (listed) {
    // Same choice as the live collector: the active instance, else the first.
    const chosen = listed.find((i) => i.Status === undefined || i.Status === null || i.Status === "ACTIVE") ?? listed[0];
    if (!chosen) return null;
    return {
      instanceArn: chosen.InstanceArn,
      identityStoreId: chosen.IdentityStoreId,
      ownerAccountId: chosen.OwnerAccountId ?? null,
      name: chosen.Name ?? null,
      status: chosen.Status ?? null,
      createdAt: chosen.CreatedDate ?? null,
    };
  }
  // Without list-instances the instance is read off the other files, never made up.
  const storeId = files.identityCenter.users?.Users[0]?.IdentityStoreId ?? files.identityCenter.groups?.Groups[0]?.IdentityStoreId;
  const psArn = files.identityCenter.permissionSets?.[0]?.data.PermissionSet.PermissionSetArn ?? files.identityCenter.assignments?.AccountAssignments[0]?.PermissionSetArn;
  const instanceArn = psArn ? instanceArnOf(psArn) : null;
  if (!storeId && !instanceArn) return null;
  notes.push("identity-center/list-instances.json absent: instance details taken from the other Identity Center files");
  return { instanceArn: instanceArn ?? "", identityStoreId: storeId ?? "", ownerAccountId: null, name: null, status: null, createdAt: null };
}

export function mapIdentityCenter(files: ImportFiles): MappedIdentityCenter {
  const notes: string[] = [];
  const idc = files.identityCenter;
  const status = (value: unknown) => (value === undefined ? "SKIPPED" : "COLLECTED") as "SKIPPED" | "COLLECTED";
  const instance = chooseInstance(files, notes);
  const coverage: InventoryCoverage["identityCenter"] = {
    instance: idc.instances ? "COLLECTED" : instance ? "PARTIAL" : "SKIPPED",
    users: status(idc.users),
    groups: status(idc.groups),
    memberships: status(idc.memberships),
    permissionSets: status(idc.permissionSets),
    assignments: status(idc.assignments),
  };
  if (!instance) return { inventory: null, coverage, notes };

  const users: IdcUser[] = (idc.users?.Users ?? []).map((u) => {
    const email = u.Emails?.find((e) => e.Primary) ?? u.Emails?.[0];
    return {
      key: u.UserId,
      userId: u.UserId,
      userName: u.UserName ?? "",
      displayName: u.DisplayName ?? null,
      primaryEmail: email?.Value ?? null,
      givenName: u.Name?.GivenName ?? null,
      familyName: u.Name?.FamilyName ?? null,
      status: u.UserStatus ?? null,
      externalIds: (u.ExternalIds ?? []).map((e) => ({ issuer: e.Issuer ?? "", id: e.Id ?? "" })),
    };
  });
  const groups: IdcGroup[] = (idc.groups?.Groups ?? []).map((g) => ({
    key: g.GroupId,
    groupId: g.GroupId,
    displayName: g.DisplayName ?? null,
    description: g.Description ?? null,
    externalIds: (g.ExternalIds ?? []).map((e) => ({ issuer: e.Issuer ?? "", id: e.Id ?? "" })),
  }));
  const memberships: IdcGroupMembership[] = (idc.memberships ?? [])
    .flatMap((file) => (Array.isArray(file) ? file : [file]))
    .flatMap((page) => page.GroupMemberships)
    .flatMap((m) => {
      const userId = m.MemberId.UserId;
      return userId ? [{ key: `${m.GroupId}|${userId}`, membershipId: m.MembershipId ?? "", groupId: m.GroupId, userId }] : [];
    });

  const permissionSets: PermissionSet[] = (idc.permissionSets ?? []).map(({ data }) => {
    const ps = data.PermissionSet;
    const boundary = data.PermissionsBoundary;
    const hasBoundary = Boolean(boundary?.ManagedPolicyArn || boundary?.CustomerManagedPolicyReference);
    return {
      key: ps.PermissionSetArn,
      arn: ps.PermissionSetArn,
      name: ps.Name,
      description: ps.Description ?? null,
      createdAt: ps.CreatedDate ?? null,
      sessionDuration: ps.SessionDuration ?? null,
      relayState: ps.RelayState ?? null,
      awsManagedPolicies: data.AttachedManagedPolicies.map((p) => ({ name: p.Name ?? "", arn: p.Arn ?? "" })),
      customerManagedPolicies: data.CustomerManagedPolicyReferences.map((p) => ({ name: p.Name, path: p.Path ?? "/" })),
      inlinePolicy: inlinePolicy(data.InlinePolicy),
      permissionsBoundary: hasBoundary
        ? {
            managedPolicyArn: boundary?.ManagedPolicyArn ?? null,
            customerManagedPolicy: boundary?.CustomerManagedPolicyReference
              ? { name: boundary.CustomerManagedPolicyReference.Name, path: boundary.CustomerManagedPolicyReference.Path ?? "/" }
              : null,
          }
        : null,
      tags: data.Tags ? Object.fromEntries(data.Tags.map((t) => [t.Key, t.Value ?? ""])) : null,
      provisionedAccountIds: data.AccountIds ? [...data.AccountIds].sort() : null,
    };
  });
  if (permissionSets.some((p) => p.provisionedAccountIds === null)) {
    notes.push("some permission set files have no AccountIds: their provisioned accounts are not imported");
  }

  const assignments: AccountAssignment[] = (idc.assignments?.AccountAssignments ?? []).map((a) => {
    const value = { accountId: a.AccountId, permissionSetArn: a.PermissionSetArn, principalType: a.PrincipalType, principalId: a.PrincipalId };
    return { key: assignmentKey(value), ...value };
  });

  return { inventory: { instance, users, groups, memberships, permissionSets, assignments }, coverage, notes };
}
