import { z } from "zod";
import type { IdcGroup, IdcUser } from "../model/identity-center";
import { AwsError } from "../protocol/aws-error";
import { parseJsonInput, readPageSize } from "../protocol/json-input";
import { fingerprint, paginate } from "../protocol/pagination";
import { epochSeconds, type JsonHandler, type RequestContext } from "../protocol/request-context";
import { identityCenterIndex } from "../lookup/identity-center-lookup";

const validation = (message: string): AwsError => new AwsError("ValidationException", message, 400);

const STORE = z.object({ IdentityStoreId: z.string(), NextToken: z.string().optional(), MaxResults: z.number().optional() }).loose();
const FILTERS = z
  .array(z.object({ AttributePath: z.string(), AttributeValue: z.string() }))
  .max(1)
  .optional();

const parse = <S extends z.ZodType>(schema: S, input: unknown) => parseJsonInput(schema, input, validation);

function notFound(ctx: RequestContext, resourceType: string, resourceId: string): AwsError {
  return new AwsError("ResourceNotFoundException", `${resourceType} not found.`, 404, {
    ResourceType: resourceType,
    ResourceId: resourceId,
    RequestId: ctx.requestId,
  });
}

function requireStore(ctx: RequestContext, identityStoreId: string): void {
  if (identityStoreId !== ctx.state.identityCenter.instance.identityStoreId) throw notFound(ctx, "IDENTITY_STORE", identityStoreId);
}

function pageOf<T>(all: readonly T[], input: z.infer<typeof STORE>, print: unknown) {
  const limit = readPageSize(input.MaxResults, { min: 1, max: 100, fallback: 100, name: "maxResults" }, validation);
  return paginate(all, {
    token: input.NextToken,
    limit,
    print: fingerprint(print),
    invalidToken: () => validation("Invalid pagination token."),
  });
}

function serializeUser(storeId: string, user: IdcUser) {
  return {
    IdentityStoreId: storeId,
    UserId: user.userId,
    UserName: user.userName,
    ExternalIds: user.externalId ? [{ Issuer: user.externalId.issuer, Id: user.externalId.id }] : undefined,
    Name: { Formatted: `${user.givenName} ${user.familyName}`, GivenName: user.givenName, FamilyName: user.familyName },
    DisplayName: user.displayName,
    Emails: [{ Value: user.email, Type: "work", Primary: true }],
    Title: user.title,
    UserStatus: user.status,
    CreatedAt: epochSeconds(user.createdAt),
  };
}

function serializeGroup(storeId: string, group: IdcGroup) {
  return {
    GroupId: group.groupId,
    DisplayName: group.displayName,
    Description: group.description,
    IdentityStoreId: storeId,
    CreatedAt: epochSeconds(group.createdAt),
  };
}

function filterBy<T>(items: T[], filters: z.infer<typeof FILTERS>, paths: Record<string, (item: T) => string>): T[] {
  const filter = filters?.[0];
  if (filter === undefined) return items;
  const read = paths[filter.AttributePath];
  if (read === undefined) throw validation(`Invalid attribute path ${filter.AttributePath}`);
  return items.filter((item) => read(item) === filter.AttributeValue);
}

const listUsers: JsonHandler = (ctx, input) => {
  const args = parse(STORE.extend({ Filters: FILTERS }), input);
  requireStore(ctx, args.IdentityStoreId);
  const users = filterBy(ctx.state.identityCenter.users, args.Filters, { UserName: (u) => u.userName });
  const page = pageOf(users, args, ["ListUsers", args.Filters]);
  return { Users: page.items.map((u) => serializeUser(args.IdentityStoreId, u)), NextToken: page.nextToken };
};

const listGroups: JsonHandler = (ctx, input) => {
  const args = parse(STORE.extend({ Filters: FILTERS }), input);
  requireStore(ctx, args.IdentityStoreId);
  const groups = filterBy(ctx.state.identityCenter.groups, args.Filters, { DisplayName: (g) => g.displayName });
  const page = pageOf(groups, args, ["ListGroups", args.Filters]);
  return { Groups: page.items.map((g) => serializeGroup(args.IdentityStoreId, g)), NextToken: page.nextToken };
};

const listGroupMemberships: JsonHandler = (ctx, input) => {
  const args = parse(STORE.extend({ GroupId: z.string() }), input);
  requireStore(ctx, args.IdentityStoreId);
  const index = identityCenterIndex(ctx.state);
  if (!index.groupsById.has(args.GroupId)) throw notFound(ctx, "GROUP", args.GroupId);
  const page = pageOf(index.membershipsByGroup.get(args.GroupId) ?? [], args, ["ListGroupMemberships", args.GroupId]);
  return {
    GroupMemberships: page.items.map((m) => ({
      IdentityStoreId: args.IdentityStoreId,
      MembershipId: m.membershipId,
      GroupId: m.groupId,
      MemberId: { UserId: m.userId },
    })),
    NextToken: page.nextToken,
  };
};

const describeUser: JsonHandler = (ctx, input) => {
  const args = parse(z.object({ IdentityStoreId: z.string(), UserId: z.string() }).loose(), input);
  requireStore(ctx, args.IdentityStoreId);
  const user = identityCenterIndex(ctx.state).usersById.get(args.UserId);
  if (user === undefined) throw notFound(ctx, "USER", args.UserId);
  return serializeUser(args.IdentityStoreId, user);
};

const describeGroup: JsonHandler = (ctx, input) => {
  const args = parse(z.object({ IdentityStoreId: z.string(), GroupId: z.string() }).loose(), input);
  requireStore(ctx, args.IdentityStoreId);
  const group = identityCenterIndex(ctx.state).groupsById.get(args.GroupId);
  if (group === undefined) throw notFound(ctx, "GROUP", args.GroupId);
  return serializeGroup(args.IdentityStoreId, group);
};

export const IDENTITY_STORE_OPERATIONS: Record<string, JsonHandler> = {
  ListUsers: listUsers,
  ListGroups: listGroups,
  ListGroupMemberships: listGroupMemberships,
  DescribeUser: describeUser,
  DescribeGroup: describeGroup,
};
