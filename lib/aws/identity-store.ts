import {
  ListGroupMembershipsCommand,
  ListGroupsCommand,
  ListUsersCommand,
  type Group,
  type IdentitystoreClient,
  type User,
} from "@aws-sdk/client-identitystore";
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
  return users.map(toUser);
}

export async function collectIdcGroups(client: IdentitystoreClient, identityStoreId: string): Promise<IdcGroup[]> {
  const groups = await collectAll({
    client,
    command: ListGroupsCommand,
    input: { IdentityStoreId: identityStoreId, MaxResults: 100 },
    items: (p) => p.Groups,
    tokens: NEXT_TOKEN,
  });
  return groups.map(toGroup);
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
  // Members are users today; a future non-user member type is skipped rather than mis-keyed.
  return memberships.flatMap((m) => {
    const userId = m.MemberId && "UserId" in m.MemberId ? m.MemberId.UserId : undefined;
    if (!userId) return [];
    return [{ key: `${groupId}|${userId}`, membershipId: m.MembershipId ?? "", groupId, userId }];
  });
}

function externalIds(list: Array<{ Issuer?: string; Id?: string }> | undefined) {
  return (list ?? []).map((e) => ({ issuer: e.Issuer ?? "", id: e.Id ?? "" }));
}

function toUser(u: User): IdcUser {
  const userId = u.UserId ?? "";
  const email = u.Emails?.find((e) => e.Primary) ?? u.Emails?.[0];
  return {
    key: userId,
    userId,
    userName: u.UserName ?? "",
    displayName: u.DisplayName ?? null,
    primaryEmail: email?.Value ?? null,
    givenName: u.Name?.GivenName ?? null,
    familyName: u.Name?.FamilyName ?? null,
    status: u.UserStatus ?? null,
    externalIds: externalIds(u.ExternalIds),
  };
}

function toGroup(g: Group): IdcGroup {
  const groupId = g.GroupId ?? "";
  return {
    key: groupId,
    groupId,
    displayName: g.DisplayName ?? null,
    description: g.Description ?? null,
    externalIds: externalIds(g.ExternalIds),
  };
}
