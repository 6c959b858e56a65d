import {
  chooseIdentityCenterInstance,
  plainNamedPolicy,
  toAccountAssignment,
  toIdcGroup,
  toIdcMembership,
  toIdcUser,
  toPermissionsBoundary,
  toPermissionSet,
  toTags,
  type CollectionStatus,
  type IdentityCenterInstance,
  type IdentityCenterInventory,
  type InventoryCoverage,
  type NamedPolicy,
} from "../aws";
import { LAYOUT } from "./layout";
import type { ImportFiles } from "./read-import-directory";

export interface MappedIdentityCenter {
  inventory: IdentityCenterInventory | null;
  coverage: InventoryCoverage["identityCenter"];
  notes: string[];
}

/** SSO Admin returns the inline policy as plain JSON text (no URL encoding), and an export writes it back as it is. */
function inlinePolicy(value: string | Record<string, unknown> | null | undefined): NamedPolicy | null {
  if (value === null || value === undefined || value === "") return null;
  return plainNamedPolicy("inline", typeof value === "string" ? value : JSON.stringify(value));
}

/** `arn:aws:sso:::permissionSet/ssoins-…/ps-…` → `arn:aws:sso:::instance/ssoins-…` */
function instanceArnOf(permissionSetArn: string): string | null {
  const match = /^(arn:[\w-]+:sso:::)permissionSet\/(ssoins-[^/]+)\//.exec(permissionSetArn);
  return match ? `${match[1]}instance/${match[2]}` : null;
}

function chooseInstance(files: ImportFiles, notes: string[]): IdentityCenterInstance | null {
  const listed = files.identityCenter.instances?.Instances;
  if (listed) return chooseIdentityCenterInstance(listed);
  // Without list-instances the instance is read off the other files, never made up.
  const storeId = files.identityCenter.users?.Users[0]?.IdentityStoreId ?? files.identityCenter.groups?.Groups[0]?.IdentityStoreId;
  const psArn =
    files.identityCenter.permissionSets?.[0]?.data.PermissionSet.PermissionSetArn ??
    files.identityCenter.assignments?.AccountAssignments[0]?.PermissionSetArn;
  const instanceArn = psArn ? instanceArnOf(psArn) : null;
  if (!storeId && !instanceArn) return null;
  notes.push("identity-center/list-instances.json absent: instance details taken from the other Identity Center files");
  return {
    instanceArn: instanceArn ?? "",
    identityStoreId: storeId ?? "",
    ownerAccountId: null,
    name: null,
    status: null,
    createdAt: null,
  };
}

export function mapIdentityCenter(files: ImportFiles): MappedIdentityCenter {
  const notes: string[] = [];
  const idc = files.identityCenter;
  const truncated = [...files.truncated.keys()];
  // Absent: not collected. One page of a listing (file or folder of files): PARTIAL.
  const status = (value: unknown, ...paths: string[]): CollectionStatus =>
    value === undefined ? "SKIPPED" : truncated.some((t) => paths.some((p) => t === p || t.startsWith(`${p}/`))) ? "PARTIAL" : "COLLECTED";
  const instance = chooseInstance(files, notes);
  const coverage: InventoryCoverage["identityCenter"] = {
    instance: idc.instances ? status(idc.instances, LAYOUT.listInstances) : instance ? "PARTIAL" : "SKIPPED",
    users: status(idc.users, LAYOUT.users),
    groups: status(idc.groups, LAYOUT.groups),
    memberships: status(idc.memberships, LAYOUT.groupMemberships, LAYOUT.groupMembershipsDir),
    permissionSets: status(idc.permissionSets, LAYOUT.permissionSetsDir),
    assignments: status(idc.assignments, LAYOUT.accountAssignments),
  };
  if (!instance) return { inventory: null, coverage, notes };

  const users = (idc.users?.Users ?? []).map(toIdcUser);
  const groups = (idc.groups?.Groups ?? []).map(toIdcGroup);
  const memberships = (idc.memberships ?? [])
    .flatMap((file) => (Array.isArray(file) ? file : [file]))
    .flatMap((page) => page.GroupMemberships)
    .flatMap((m) => toIdcMembership(m.GroupId, m) ?? []);

  const permissionSets = (idc.permissionSets ?? []).map(({ data }) =>
    toPermissionSet(data.PermissionSet.PermissionSetArn, {
      described: data.PermissionSet,
      awsManagedPolicies: data.AttachedManagedPolicies,
      customerManagedPolicies: data.CustomerManagedPolicyReferences,
      inlinePolicy: inlinePolicy(data.InlinePolicy),
      permissionsBoundary: toPermissionsBoundary(data.PermissionsBoundary),
      tags: data.Tags ? toTags(data.Tags) : null,
      accountIds: data.AccountIds,
    }),
  );
  if (permissionSets.some((p) => p.provisionedAccountIds === null)) {
    notes.push("some permission set files have no AccountIds: their provisioned accounts are not imported");
  }

  const assignments = (idc.assignments?.AccountAssignments ?? []).map((a) => toAccountAssignment(a));

  return { inventory: { instance, users, groups, memberships, permissionSets, assignments }, coverage, notes };
}
