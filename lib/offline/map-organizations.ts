import {
  toOrgAccount,
  toOrganization,
  toOrgRoot,
  toOrgUnit,
  toTags,
  type CollectionStatus,
  type Organization,
  type OrgAccount,
  type OrgRoot,
  type OrgTreeParent,
  type OrgUnit,
} from "../aws";
import { LAYOUT } from "./layout";
import type { ImportFiles } from "./read-import-directory";
import type { CliAccount } from "./schemas/organizations";

export interface MappedOrganizations {
  organization: Organization | null;
  roots: OrgRoot[];
  ous: OrgUnit[];
  accounts: OrgAccount[];
  organizationStatus: CollectionStatus;
  accountTagsStatus: CollectionStatus;
  notes: string[];
}

/**
 * Organizations data the way the live collector builds it: roots from list-roots, the OU tree and
 * each account's parent from the per-parent listings (walked breadth-first from the roots), the
 * accounts from list-accounts (or, without it, from the per-parent listings), tags per account.
 */
export function mapOrganizations(files: ImportFiles): MappedOrganizations {
  const notes: string[] = [];
  const organization = toOrganization(files.organization?.Organization);
  const roots = (files.roots?.Roots ?? []).map(toOrgRoot);

  const ous: OrgUnit[] = [];
  const parentOf = new Map<string, OrgTreeParent>();
  const walkedAccounts: CliAccount[] = [];
  // One page of a listing leaves the tree (or the account list) incomplete, like a missing file.
  const isTruncated = [...files.truncated.keys()].some((path) => path === LAYOUT.listRoots || path.startsWith(`${LAYOUT.parentsDir}/`));
  let isTreeComplete = roots.length > 0 && !isTruncated;
  const isAccountListComplete = !files.truncated.has(LAYOUT.listAccounts);
  let level = roots.map((r) => ({ id: r.id, path: r.name }));
  while (level.length > 0) {
    const next: OrgTreeParent[] = [];
    for (const parent of level) {
      const listing = files.parents.get(parent.id);
      if (!listing?.ous || !listing.accounts) isTreeComplete = false;
      for (const account of listing?.accounts?.Accounts ?? []) {
        parentOf.set(account.Id, parent);
        walkedAccounts.push(account);
      }
      for (const u of listing?.ous?.OrganizationalUnits ?? []) {
        const unit = toOrgUnit(u, parent);
        ous.push(unit);
        next.push({ id: unit.id, path: unit.path });
      }
    }
    level = next;
  }

  const listed = files.accounts?.Accounts ?? (walkedAccounts.length > 0 ? walkedAccounts : null);
  const accounts = (listed ?? []).map((a) => {
    const tags = files.accountTags.get(a.Id);
    return toOrgAccount(a, parentOf.get(a.Id), tags ? toTags(tags.Tags) : null);
  });
  accounts.sort((a, b) => a.id.localeCompare(b.id));
  ous.sort((a, b) => a.path.localeCompare(b.path));

  if (!listed) notes.push("no account list (organizations/list-accounts.json): the organization is not imported");
  else if (!isTreeComplete)
    notes.push("organization tree incomplete (organizations/list-roots.json or parents/*): OU paths may be missing");
  if (!organization && listed) notes.push("organizations/describe-organization.json absent: organization details not imported");

  const tagged = accounts.filter((a) => a.tags !== null).length;
  return {
    organization,
    roots,
    ous,
    accounts,
    // Absence only means deletion in a COLLECTED section: an incomplete tree must not close OUs.
    organizationStatus: !listed ? "SKIPPED" : isTreeComplete && isAccountListComplete && organization ? "COLLECTED" : "PARTIAL",
    accountTagsStatus: tagged === 0 ? "SKIPPED" : tagged === accounts.length ? "COLLECTED" : "PARTIAL",
    notes,
  };
}
