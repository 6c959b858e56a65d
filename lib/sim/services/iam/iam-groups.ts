import type { IamGroup } from "../../model/iam";
import type { QueryHandler } from "../../protocol/request-context";
import { accountIam, iamPage } from "./iam-common";
import { findUserNamed, requiredName } from "./iam-entity-policies";

const groupXml = (g: IamGroup) => ({ Path: g.path, GroupName: g.groupName, GroupId: g.groupId, Arn: g.arn, CreateDate: g.createDate });

const listGroups: QueryHandler = (ctx, params) => {
  const prefix = params.get("PathPrefix") ?? "/";
  const groups = accountIam(ctx).groups.filter((g) => g.path.startsWith(prefix));
  const page = iamPage(params, groups, ["ListGroups", ctx.caller.accountId, prefix]);
  return { Groups: page.items.map(groupXml), IsTruncated: page.isTruncated, Marker: page.nextToken };
};

const listGroupsForUser: QueryHandler = (ctx, params) => {
  const user = findUserNamed(ctx, requiredName(params, "UserName"));
  const all = accountIam(ctx).groups;
  const groups = user.groups.flatMap((name) => all.filter((g) => g.groupName === name));
  const page = iamPage(params, groups, ["ListGroupsForUser", ctx.caller.accountId, user.userName]);
  return { Groups: page.items.map(groupXml), IsTruncated: page.isTruncated, Marker: page.nextToken };
};

export const IAM_GROUP_OPERATIONS: Record<string, QueryHandler> = {
  ListGroups: listGroups,
  ListGroupsForUser: listGroupsForUser,
};
