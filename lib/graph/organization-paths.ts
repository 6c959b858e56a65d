import type { OrgInventory } from "../aws";

/** The chain of parents of an account, from the root down to the account's own parent. */
export class OrganizationPaths {
  private readonly parentOf = new Map<string, string>();
  private readonly accountParent = new Map<string, string>();
  private readonly rootIds: Set<string>;
  readonly orgId: string | null;

  constructor(state: OrgInventory) {
    this.orgId = state.organization?.id ?? null;
    this.rootIds = new Set(state.roots.map((root) => root.id));
    for (const ou of state.ous) this.parentOf.set(ou.id, ou.parentId);
    for (const account of state.accounts) this.accountParent.set(account.id, account.parentId);
  }

  /** Root id first, then each OU id down to the account's parent; null when the chain is broken. */
  parentChain(accountId: string): string[] | null {
    const chain: string[] = [];
    let current = this.accountParent.get(accountId);
    while (current !== undefined) {
      chain.unshift(current);
      if (this.rootIds.has(current)) return chain;
      if (chain.length > 10) return null;
      current = this.parentOf.get(current);
    }
    return null;
  }

  /** `aws:PrincipalOrgPaths` of a principal in the account: `o-…/r-…/ou-…/…/`. */
  orgPath(accountId: string): string | null {
    const chain = this.parentChain(accountId);
    return this.orgId && chain ? `${this.orgId}/${chain.join("/")}/` : null;
  }
}
