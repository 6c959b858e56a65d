import type { IdcAssignment, IdcGroup, IdcMembership, IdcPermissionSet, IdcUser, IdentityCenterState } from "../model/identity-center";
import type { Rng } from "../random/prng";
import { hexId, uuid } from "../random/ids";
import { managedPolicyRef } from "./reserved-roles";
import { policyText, resolvePlaceholders, type PlaceholderResolver } from "./placeholders";
import type { ParsedScenarioSpec } from "./scenario-spec";

const DAY = 86_400_000;

export interface BuiltIdentityCenter {
  identityCenter: IdentityCenterState;
  userIdByName: Map<string, string>;
  groupIdByName: Map<string, string>;
  permissionSetByName: Map<string, IdcPermissionSet>;
}

export function buildIdentityCenter(input: {
  spec: ParsedScenarioSpec;
  rng: Rng;
  now: Date;
  managementAccountId: string;
  accountIdByKey: Map<string, string>;
  resolve: PlaceholderResolver;
}): BuiltIdentityCenter {
  const { spec, rng, now } = input;
  const ic = spec.identityCenter;
  const instanceSuffix = hexId(rng, 16);
  const identityStoreId = `d-${hexId(rng, 10)}`;
  const principalPrefix = hexId(rng, 10);
  const instanceCreated = new Date(now.getTime() - 1000 * DAY);
  const emailDomain = "example.com";

  const users: IdcUser[] = ic.users.map((u) => ({
    userId: `${principalPrefix}-${uuid(rng)}`,
    userName: u.userName,
    displayName: `${u.givenName} ${u.familyName}`,
    givenName: u.givenName,
    familyName: u.familyName,
    email: u.email ?? (u.userName.includes("@") ? u.userName : `${u.userName}@${emailDomain}`),
    title: u.title,
    status: u.status ?? "ENABLED",
    externalId: { issuer: "https://scim.example.com", id: `00u${hexId(rng, 17)}` },
    createdAt: new Date(now.getTime() - (u.createdDaysAgo ?? 400) * DAY),
  }));
  const userIdByName = new Map(users.map((u) => [u.userName, u.userId]));

  const groups: IdcGroup[] = ic.groups.map((g) => ({
    groupId: `${principalPrefix}-${uuid(rng)}`,
    displayName: g.name,
    description: g.description,
    createdAt: new Date(now.getTime() - 600 * DAY),
  }));
  const groupIdByName = new Map(groups.map((g) => [g.displayName, g.groupId]));

  const memberships: IdcMembership[] = [];
  for (const g of ic.groups) {
    for (const member of g.members) {
      const userId = userIdByName.get(member);
      if (userId === undefined) throw new Error(`group ${g.name} lists unknown user ${member}`);
      memberships.push({ membershipId: `${principalPrefix}-${uuid(rng)}`, groupId: groupIdByName.get(g.name) as string, userId });
    }
  }

  const permissionSets: IdcPermissionSet[] = ic.permissionSets.map((p) => ({
    arn: `arn:aws:sso:::permissionSet/ssoins-${instanceSuffix}/ps-${hexId(rng, 16)}`,
    name: p.name,
    description: p.description,
    createdDate: new Date(now.getTime() - 700 * DAY),
    sessionDuration: p.sessionDuration ?? "PT1H",
    relayState: p.relayState,
    managedPolicies: (p.managedPolicies ?? []).map((m) => managedPolicyRef(m, input.managementAccountId)),
    customerManagedPolicies: (p.customerManagedPolicies ?? []).map((c) => ({ name: c.name, path: c.path ?? "/" })),
    inlinePolicy: p.inlinePolicy === undefined ? "" : resolvePlaceholders(policyText(p.inlinePolicy), input.resolve),
    permissionsBoundary:
      p.permissionsBoundary === undefined
        ? undefined
        : "managedPolicyArn" in p.permissionsBoundary
          ? { managedPolicyArn: p.permissionsBoundary.managedPolicyArn }
          : {
              customerManagedPolicyReference: {
                name: p.permissionsBoundary.customerManagedPolicy.name,
                path: p.permissionsBoundary.customerManagedPolicy.path ?? "/",
              },
            },
    tags: Object.entries(p.tags ?? {}).map(([key, value]) => ({ key, value })),
  }));
  const permissionSetByName = new Map(permissionSets.map((p) => [p.name, p]));

  const assignments: IdcAssignment[] = [];
  for (const a of ic.assignments) {
    const ps = permissionSetByName.get(a.permissionSet);
    if (ps === undefined) throw new Error(`assignment names unknown permission set ${a.permissionSet}`);
    const principalType = a.group !== undefined ? "GROUP" : "USER";
    const principalId = a.group !== undefined ? groupIdByName.get(a.group) : userIdByName.get(a.user ?? "");
    if (principalId === undefined) throw new Error(`assignment names unknown principal ${a.group ?? a.user}`);
    for (const key of a.accounts) {
      const accountId = input.accountIdByKey.get(key);
      if (accountId === undefined) throw new Error(`assignment names unknown account ${key}`);
      assignments.push({ accountId, permissionSetArn: ps.arn, principalType, principalId });
    }
  }

  return {
    identityCenter: {
      instance: {
        instanceArn: `arn:aws:sso:::instance/ssoins-${instanceSuffix}`,
        identityStoreId,
        ownerAccountId: input.managementAccountId,
        name: ic.instanceName ?? "default",
        createdDate: instanceCreated,
        homeRegion: spec.homeRegion,
      },
      users,
      groups,
      memberships,
      permissionSets,
      assignments,
    },
    userIdByName,
    groupIdByName,
    permissionSetByName,
  };
}
