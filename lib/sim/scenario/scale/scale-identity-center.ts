import type { IdcAssignment, IdcGroup, IdcMembership, IdcPermissionSet, IdcUser, IdentityCenterState } from "../../model/identity-center";
import type { SimAccount } from "../../model/organization";
import { findAwsManagedPolicy } from "../../catalog/aws-managed-policies";
import type { Rng } from "../../random/prng";
import { hexId, uuid } from "../../random/ids";
import { BUSINESS_UNITS, FAMILY_NAMES, GIVEN_NAMES, MANAGED_POLICY_POOL } from "./scale-names";

const DAY = 86_400_000;
export const SCALE_USERS = 5000;
export const SCALE_GROUPS = 200;
export const SCALE_PERMISSION_SETS = 50;

/** Identity Center for the scale scenario: 5,000 users, 200 groups, 50 permission sets. */
export function buildScaleIdentityCenter(
  rng: Rng,
  now: Date,
  managementAccountId: string,
  accounts: SimAccount[],
  unitOf: (a: SimAccount) => string,
): IdentityCenterState {
  const suffix = hexId(rng, 16);
  const prefix = hexId(rng, 10);
  const identityStoreId = `d-${hexId(rng, 10)}`;
  const users: IdcUser[] = [];
  for (let i = 0; i < SCALE_USERS; i++) {
    const given = GIVEN_NAMES[i % GIVEN_NAMES.length] as string;
    const family = FAMILY_NAMES[Math.floor(i / GIVEN_NAMES.length) % FAMILY_NAMES.length] as string;
    const userName = `${given}.${family}.${i}@scale.example`.toLowerCase();
    users.push({
      userId: `${prefix}-${uuid(rng)}`,
      userName,
      displayName: `${given} ${family}`,
      givenName: given,
      familyName: family,
      email: userName,
      status: i % 97 === 0 ? "DISABLED" : "ENABLED",
      createdAt: new Date(now.getTime() - (30 + (i % 900)) * DAY),
    });
  }
  const groups: IdcGroup[] = [];
  for (let g = 0; g < SCALE_GROUPS; g++) {
    const unit = BUSINESS_UNITS[g % BUSINESS_UNITS.length] as string;
    groups.push({
      groupId: `${prefix}-${uuid(rng)}`,
      displayName: `${unit}-team-${Math.floor(g / BUSINESS_UNITS.length)}`,
      description: `${unit} squad`,
      createdAt: new Date(now.getTime() - 500 * DAY),
    });
  }
  const memberships: IdcMembership[] = [];
  users.forEach((user, i) => {
    const count = 1 + (i % 3);
    for (let k = 0; k < count; k++) {
      const group = groups[(i * 7 + k * 61) % SCALE_GROUPS] as IdcGroup;
      memberships.push({ membershipId: `${prefix}-${uuid(rng)}`, groupId: group.groupId, userId: user.userId });
    }
  });
  const permissionSets: IdcPermissionSet[] = [];
  for (let p = 0; p < SCALE_PERMISSION_SETS; p++) {
    const isProxy = p % 10 === 9;
    const policy = findAwsManagedPolicy(MANAGED_POLICY_POOL[p % MANAGED_POLICY_POOL.length] as string);
    const name = p === 0 ? "AdministratorAccess" : isProxy ? `Team${p}-Proxy` : `Access${String(p).padStart(2, "0")}`;
    permissionSets.push({
      arn: `arn:aws:sso:::permissionSet/ssoins-${suffix}/ps-${hexId(rng, 16)}`,
      name,
      description: `Scale permission set ${p}`,
      createdDate: new Date(now.getTime() - 400 * DAY),
      sessionDuration: p % 7 === 0 ? "PT12H" : p % 3 === 0 ? "PT8H" : "PT1H",
      managedPolicies:
        isProxy || policy === undefined
          ? p === 0
            ? [{ name: "AdministratorAccess", arn: "arn:aws:iam::aws:policy/AdministratorAccess" }]
            : []
          : [{ name: policy.name, arn: policy.arn }],
      customerManagedPolicies: [],
      inlinePolicy: isProxy
        ? JSON.stringify({
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Resource: `arn:aws:iam::*:role/team/Team${p}Role` }],
          })
        : "",
      tags: [],
    });
  }
  const assignments: IdcAssignment[] = [];
  const seen = new Set<string>();
  const assign = (a: IdcAssignment) => {
    const key = `${a.accountId}|${a.permissionSetArn}|${a.principalId}`;
    if (seen.has(key)) return;
    seen.add(key);
    assignments.push(a);
  };
  accounts.forEach((account, a) => {
    const unitIndex = Math.max(0, BUSINESS_UNITS.indexOf(unitOf(account)));
    for (let k = 0; k < 5; k++) {
      const group = groups[
        (unitIndex + BUSINESS_UNITS.length * ((a + k * 3) % (SCALE_GROUPS / BUSINESS_UNITS.length))) % SCALE_GROUPS
      ] as IdcGroup;
      const ps = permissionSets[(a * 3 + k * 11) % SCALE_PERMISSION_SETS] as IdcPermissionSet;
      assign({ accountId: account.id, permissionSetArn: ps.arn, principalType: "GROUP", principalId: group.groupId });
    }
    if (a % 10 === 3) {
      const user = users[(a * 13) % SCALE_USERS] as IdcUser;
      assign({
        accountId: account.id,
        permissionSetArn: (permissionSets[0] as IdcPermissionSet).arn,
        principalType: "USER",
        principalId: user.userId,
      });
    }
  });
  return {
    instance: {
      instanceArn: `arn:aws:sso:::instance/ssoins-${suffix}`,
      identityStoreId,
      ownerAccountId: managementAccountId,
      name: "scale",
      createdDate: new Date(now.getTime() - 900 * DAY),
      homeRegion: "us-west-2",
    },
    users,
    groups,
    memberships,
    permissionSets,
    assignments,
  };
}
