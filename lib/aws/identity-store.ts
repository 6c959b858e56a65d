import { ListGroupMembershipsCommand, ListGroupsCommand, ListUsersCommand, type IdentitystoreClient } from "@aws-sdk/client-identitystore";
import { toIdcGroup, toIdcMembership, toIdcUser } from "./map-identity-center";
import { collectAll, NEXT_TOKEN } from "./paginate";
import type { IdcGroup, IdcGroupMembership, IdcUser } from "./types";

export async function collectIdcUsers(client: IdentitystoreClient, identityStoreId: string): Promise<IdcUser[]> {
  const users = await collectAll({
    client,
    command: ListUsersCommand,
    input: { IdentityStoreId: identityStoreId, MaxResults: 100 },
    items: (p) => p.Users,
    tokens: NEXT_TOKEN,
  });
  return users.map(toIdcUser);
}

export async function collectIdcGroups(client: IdentitystoreClient, identityStoreId: string): Promise<IdcGroup[]> {
  const groups = await collectAll({
    client,
    command: ListGroupsCommand,
    input: { IdentityStoreId: identityStoreId, MaxResults: 100 },
    items: (p) => p.Groups,
    tokens: NEXT_TOKEN,
  });
  return groups.map(toIdcGroup);
}

export async function collectGroupMemberships(
  client: IdentitystoreClient,
  identityStoreId: string,
  groupId: string,
): Promise<IdcGroupMembership[]> {
  const memberships = await collectAll({
    client,
    command: ListGroupMembershipsCommand,
    input: { IdentityStoreId: identityStoreId, GroupId: groupId, MaxResults: 100 },
    items: (p) => p.GroupMemberships,
    tokens: NEXT_TOKEN,
  });
  return memberships.flatMap((m) => toIdcMembership(groupId, m) ?? []);
}
