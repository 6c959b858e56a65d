import type { EdgeCondition, GraphNode } from "../graph";
import type { AccessPath } from "./access-paths";
import { profileNamePart, uniqueNames } from "./aws-config-names";

/** A profile that signs in through the sso-session: one account × permission set the person is assigned. */
export interface SsoProfile {
  kind: "sso";
  name: string;
  accountId: string;
  accountName: string | null;
  permissionSet: string;
  /** false when the snapshot has the assignment but not the role Identity Center provisions for it */
  provisioned: boolean;
}

/** A profile that assumes a role from another profile's session (a proxy or bastion hop). */
export interface ChainedProfile {
  kind: "chained";
  name: string;
  sourceProfile: string;
  roleArn: string;
  roleName: string;
  accountId: string;
  accountName: string | null;
  /** request-time conditions this hop holds under (`sts:ExternalId`, MFA, …) */
  conditions: EdgeCondition[];
}

export type AwsConfigProfile = SsoProfile | ChainedProfile;

interface SsoEntry {
  key: string;
  accountId: string;
  permissionSet: string;
  provisioned: boolean;
}

interface ChainEntry {
  key: string;
  sourceKey: string;
  depth: number;
  role: GraphNode;
  conditions: EdgeCondition[];
}

/**
 * The profiles a person's (or group's) access paths call for: one sso profile per account ×
 * permission set, and one chained profile per distinct chain of role hops after it, each hop's
 * `source_profile` the previous hop's profile. Names are `<account-name>.<permission-set>` and
 * `<account-name>.<role-name>`, made unique in a fixed order (account name, id, permission set;
 * chains by depth, then the role's account name and role name, then the source chain), so the same access gives the same file.
 */
export function planAwsConfigProfiles(paths: readonly AccessPath[], accountNames: ReadonlyMap<string, string>): AwsConfigProfile[] {
  const sso = new Map<string, SsoEntry>();
  const chains = new Map<string, ChainEntry>();
  for (const path of paths) {
    if (!path.permissionSet) continue;
    const psIndex = path.hops.findIndex((hop) => hop.id === path.permissionSet!.id);
    const reserved = path.hops[psIndex + 1];
    const provisioned = reserved?.kind === "RESERVED_ROLE";
    const accountId = provisioned ? (reserved.accountId ?? path.accountId) : path.accountId;
    const ssoKey = `${accountId}|${path.permissionSet.id}`;
    const known = sso.get(ssoKey);
    if (!known) sso.set(ssoKey, { key: ssoKey, accountId, permissionSet: path.permissionSet.label, provisioned });
    else known.provisioned ||= provisioned;
    let sourceKey = ssoKey;
    path.assumeEdges.forEach((edge, i) => {
      const role = path.hops[psIndex + 2 + i];
      if (!role || role.id !== edge.to) return;
      const key = `${sourceKey}>${role.id}`;
      if (!chains.has(key)) chains.set(key, { key, sourceKey, depth: i + 1, role, conditions: edge.conditions ?? [] });
      sourceKey = key;
    });
  }
  const nameOf = (accountId: string) => accountNames.get(accountId) ?? null;
  const ssoList = [...sso.values()].sort(
    (a, b) =>
      compare(nameOf(a.accountId) ?? a.accountId, nameOf(b.accountId) ?? b.accountId) ||
      compare(a.accountId, b.accountId) ||
      compare(a.permissionSet, b.permissionSet) ||
      compare(a.key, b.key),
  );
  const names = new Map<string, string>();
  const ssoNames = uniqueNames(
    ssoList.map((e) => `${profileNamePart(nameOf(e.accountId) ?? e.accountId)}.${profileNamePart(e.permissionSet)}`),
  );
  ssoList.forEach((entry, i) => names.set(entry.key, ssoNames[i]!));
  // Chains after every sso profile, parents before children, so each source name is known.
  const chainList = [...chains.values()].sort(
    (a, b) =>
      a.depth - b.depth ||
      compare(nameOf(roleAccount(a.role)) ?? roleAccount(a.role), nameOf(roleAccount(b.role)) ?? roleAccount(b.role)) ||
      compare(a.role.label, b.role.label) ||
      compare(a.key, b.key),
  );
  const allNames = uniqueNames([
    ...ssoNames,
    ...chainList.map((e) => `${profileNamePart(nameOf(roleAccount(e.role)) ?? roleAccount(e.role))}.${profileNamePart(e.role.label)}`),
  ]);
  chainList.forEach((entry, i) => names.set(entry.key, allNames[ssoNames.length + i]!));
  return [
    ...ssoList.map((e): SsoProfile => ({
      kind: "sso",
      name: names.get(e.key)!,
      accountId: e.accountId,
      accountName: nameOf(e.accountId),
      permissionSet: e.permissionSet,
      provisioned: e.provisioned,
    })),
    ...chainList.map((e): ChainedProfile => ({
      kind: "chained",
      name: names.get(e.key)!,
      sourceProfile: names.get(e.sourceKey)!,
      roleArn: e.role.arn ?? e.role.id,
      roleName: e.role.label,
      accountId: roleAccount(e.role),
      accountName: nameOf(roleAccount(e.role)),
      conditions: e.conditions,
    })),
  ];
}

const roleAccount = (role: GraphNode) => role.accountId ?? /^arn:[\w-]+:iam::(\d{12}):/.exec(role.arn ?? "")?.[1] ?? "";

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
