import {
  DescribeOrganizationCommand,
  ListAccountsForParentCommand,
  ListOrganizationalUnitsForParentCommand,
  ListRootsCommand,
  ListTagsForResourceCommand,
  type OrganizationsClient,
} from "@aws-sdk/client-organizations";
import { AwsResponseError } from "./aws-response-error";
import { mapLimited } from "./concurrency";
import { toOrgAccount, toOrganization, toOrgRoot, toOrgUnit } from "./map-organizations";
import { collectAll, NEXT_TOKEN } from "./paginate";
import type { Organization, OrgAccount, OrgRoot, OrgUnit, Tags } from "./types";
import { toTags } from "./wire-values";

export interface OrganizationTree {
  organization: Organization;
  roots: OrgRoot[];
  ous: OrgUnit[];
  /** every account, with `tags: null` (tags are read separately by `collectAccountTags`) */
  accounts: OrgAccount[];
}

/**
 * The organisation, its roots, the OU tree and every account, by walking the tree from each root
 * (ListOrganizationalUnitsForParent + ListAccountsForParent), which gives each account its OU path
 * without a ListParents call per account. Runs in the management (or delegated admin) account.
 */
export async function collectOrganizationTree(client: OrganizationsClient, opts: { concurrency: number }): Promise<OrganizationTree> {
  const described = await client.send(new DescribeOrganizationCommand({}));
  const organization = toOrganization(described.Organization);
  if (!organization) throw new AwsResponseError("DescribeOrganization returned no organization");

  const rawRoots = await collectAll({ client, command: ListRootsCommand, input: {}, items: (p) => p.Roots, tokens: NEXT_TOKEN });
  const roots: OrgRoot[] = rawRoots.map(toOrgRoot);

  const ous: OrgUnit[] = [];
  const accounts: OrgAccount[] = [];
  // Breadth-first, one level at a time, each level's parents read with bounded concurrency.
  let level = roots.map((r) => ({ id: r.id, path: r.name }));
  while (level.length > 0) {
    const children = await mapLimited(level, opts.concurrency, async (parent) => {
      const [units, members] = await Promise.all([
        collectAll({
          client,
          command: ListOrganizationalUnitsForParentCommand,
          input: { ParentId: parent.id },
          items: (p) => p.OrganizationalUnits,
          tokens: NEXT_TOKEN,
        }),
        collectAll({
          client,
          command: ListAccountsForParentCommand,
          input: { ParentId: parent.id },
          items: (p) => p.Accounts,
          tokens: NEXT_TOKEN,
        }),
      ]);
      // Tags are read separately (collectResourceTags), hence null here.
      accounts.push(...members.map((a) => toOrgAccount(a, parent, null)));
      return units.map((u) => toOrgUnit(u, parent));
    });
    const next = children.flat();
    ous.push(...next);
    level = next.map((u) => ({ id: u.id, path: u.path }));
  }

  accounts.sort((a, b) => a.id.localeCompare(b.id));
  ous.sort((a, b) => a.path.localeCompare(b.path));
  return { organization, roots, ous, accounts };
}

export async function collectResourceTags(client: OrganizationsClient, resourceId: string): Promise<Tags> {
  const list = await collectAll({
    client,
    command: ListTagsForResourceCommand,
    input: { ResourceId: resourceId },
    items: (p) => p.Tags,
    tokens: NEXT_TOKEN,
  });
  return toTags(list);
}
