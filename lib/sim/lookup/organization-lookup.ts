import type { SimAccount, SimOrganizationalUnit } from "../model/organization";
import { cachedByRevision } from "./cached-by-revision";

export interface OrganizationIndex {
  accountsById: Map<string, SimAccount>;
  ousById: Map<string, SimOrganizationalUnit>;
  ousByParent: Map<string, SimOrganizationalUnit[]>;
  accountsByParent: Map<string, SimAccount[]>;
}

export const organizationIndex = cachedByRevision((state): OrganizationIndex => {
  const accountsById = new Map<string, SimAccount>();
  const accountsByParent = new Map<string, SimAccount[]>();
  for (const account of state.accounts) {
    accountsById.set(account.id, account);
    const list = accountsByParent.get(account.parentId) ?? [];
    list.push(account);
    accountsByParent.set(account.parentId, list);
  }
  const ousById = new Map<string, SimOrganizationalUnit>();
  const ousByParent = new Map<string, SimOrganizationalUnit[]>();
  for (const ou of state.organizationalUnits) {
    ousById.set(ou.id, ou);
    const list = ousByParent.get(ou.parentId) ?? [];
    list.push(ou);
    ousByParent.set(ou.parentId, list);
  }
  return { accountsById, ousById, ousByParent, accountsByParent };
});
