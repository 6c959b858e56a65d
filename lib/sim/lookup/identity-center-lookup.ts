import type { IdcAssignment, IdcGroup, IdcMembership, IdcPermissionSet, IdcUser } from "../model/identity-center";
import { cachedByRevision } from "./cached-by-revision";

export interface IdentityCenterIndex {
  usersById: Map<string, IdcUser>;
  groupsById: Map<string, IdcGroup>;
  membershipsByGroup: Map<string, IdcMembership[]>;
  permissionSetsByArn: Map<string, IdcPermissionSet>;
  /** key `${accountId}|${permissionSetArn}` */
  assignmentsByAccountAndSet: Map<string, IdcAssignment[]>;
  /** Permission sets with at least one assignment in the account, in permission-set order. */
  setsByAccount: Map<string, string[]>;
  /** Accounts a permission set is provisioned to, in organization order. */
  accountsBySet: Map<string, string[]>;
}

export const assignmentKey = (accountId: string, permissionSetArn: string): string => `${accountId}|${permissionSetArn}`;

export const identityCenterIndex = cachedByRevision((state): IdentityCenterIndex => {
  const ic = state.identityCenter;
  const usersById = new Map(ic.users.map((u) => [u.userId, u]));
  const groupsById = new Map(ic.groups.map((g) => [g.groupId, g]));
  const membershipsByGroup = new Map<string, IdcMembership[]>();
  for (const m of ic.memberships) {
    const list = membershipsByGroup.get(m.groupId) ?? [];
    list.push(m);
    membershipsByGroup.set(m.groupId, list);
  }
  const permissionSetsByArn = new Map(ic.permissionSets.map((p) => [p.arn, p]));
  const assignmentsByAccountAndSet = new Map<string, IdcAssignment[]>();
  const setIdsByAccount = new Map<string, Set<string>>();
  const accountIdsBySet = new Map<string, Set<string>>();
  for (const a of ic.assignments) {
    const key = assignmentKey(a.accountId, a.permissionSetArn);
    const list = assignmentsByAccountAndSet.get(key) ?? [];
    list.push(a);
    assignmentsByAccountAndSet.set(key, list);
    const sets = setIdsByAccount.get(a.accountId) ?? new Set<string>();
    sets.add(a.permissionSetArn);
    setIdsByAccount.set(a.accountId, sets);
    const accounts = accountIdsBySet.get(a.permissionSetArn) ?? new Set<string>();
    accounts.add(a.accountId);
    accountIdsBySet.set(a.permissionSetArn, accounts);
  }
  const setOrder = new Map(ic.permissionSets.map((p, i) => [p.arn, i]));
  const accountOrder = new Map(state.accounts.map((a, i) => [a.id, i]));
  const setsByAccount = new Map(
    [...setIdsByAccount].map(([acct, sets]) => [acct, [...sets].sort((x, y) => (setOrder.get(x) ?? 0) - (setOrder.get(y) ?? 0))]),
  );
  const accountsBySet = new Map(
    [...accountIdsBySet].map(([ps, accts]) => [ps, [...accts].sort((x, y) => (accountOrder.get(x) ?? 0) - (accountOrder.get(y) ?? 0))]),
  );
  return { usersById, groupsById, membershipsByGroup, permissionSetsByArn, assignmentsByAccountAndSet, setsByAccount, accountsBySet };
});
