import {
  DescribeOrganizationCommand,
  ListAccountsForParentCommand,
  ListOrganizationalUnitsForParentCommand,
  ListRootsCommand,
  ListTagsForResourceCommand,
  type Account,
  type OrganizationsClient,
} from "@aws-sdk/client-organizations";
import { mapLimited } from "./concurrency";
import { collectAll, NEXT_TOKEN } from "./paginate";
import type { Organization, OrgAccount, OrgRoot, OrgUnit, Tags } from "./types";

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
  const org = described.Organization;
  if (!org?.Id || !org.MasterAccountId) throw new Error("DescribeOrganization returned no organization");
  const organization: Organization = {
    id: org.Id,
    arn: org.Arn ?? "",
    featureSet: org.FeatureSet ?? null,
    managementAccountId: org.MasterAccountId,
    managementAccountEmail: org.MasterAccountEmail ?? null,
  };

  const rawRoots = await collectAll({ client, command: ListRootsCommand, input: {}, items: (p) => p.Roots, tokens: NEXT_TOKEN });
  const roots: OrgRoot[] = rawRoots.map((r) => ({
    key: r.Id ?? "",
    id: r.Id ?? "",
    arn: r.Arn ?? "",
    name: r.Name ?? "Root",
    policyTypes: (r.PolicyTypes ?? []).map((p) => ({ type: p.Type ?? "", status: p.Status ?? "" })),
  }));

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
      accounts.push(...members.map((a) => toAccount(a, parent)));
      return units.map((u): OrgUnit => {
        const id = u.Id ?? "";
        return { key: id, id, arn: u.Arn ?? "", name: u.Name ?? "", parentId: parent.id, path: `${parent.path}/${u.Name ?? id}` };
      });
    });
    const next = children.flat();
    ous.push(...next);
    level = next.map((u) => ({ id: u.id, path: u.path }));
  }

  accounts.sort((a, b) => a.id.localeCompare(b.id));
  ous.sort((a, b) => a.path.localeCompare(b.path));
  return { organization, roots, ous, accounts };
}

function toAccount(a: Account, parent: { id: string; path: string }): OrgAccount {
  const id = a.Id ?? "";
  return {
    key: id,
    id,
    arn: a.Arn ?? "",
    name: a.Name ?? "",
    email: a.Email ?? "",
    // `Status` retires in September 2026; `State` is its successor (AWS-WIRE §5).
    status: a.State ?? a.Status ?? "UNKNOWN",
    joinedMethod: a.JoinedMethod ?? null,
    joinedAt: a.JoinedTimestamp?.toISOString() ?? null,
    parentId: parent.id,
    ouPath: parent.path,
    tags: null,
  };
}

export async function collectResourceTags(client: OrganizationsClient, resourceId: string): Promise<Tags> {
  const list = await collectAll({
    client,
    command: ListTagsForResourceCommand,
    input: { ResourceId: resourceId },
    items: (p) => p.Tags,
    tokens: NEXT_TOKEN,
  });
  return Object.fromEntries(list.map((t) => [t.Key ?? "", t.Value ?? ""]));
}
