import { z } from "zod";
import type { SimAccount } from "../model/organization";
import type { SimState } from "../model/state";
import { AwsError } from "../protocol/aws-error";
import { parseJsonInput, readPageSize } from "../protocol/json-input";
import { fingerprint, paginate } from "../protocol/pagination";
import { epochSeconds, type JsonHandler } from "../protocol/request-context";
import { organizationIndex } from "../lookup/organization-lookup";

export const invalidInput = (message: string, reason = "INVALID_INPUT"): AwsError =>
  new AwsError("InvalidInputException", message, 400, { Reason: reason });

const PAGE = z.object({ NextToken: z.string().optional(), MaxResults: z.number().optional() }).loose();

export function pageOf<T>(all: readonly T[], input: z.infer<typeof PAGE>, print: unknown) {
  // Organizations caps every List* page at 20.
  const limit = readPageSize(input.MaxResults, { min: 1, max: 20, fallback: 20, name: "maxResults" }, (m, isTooLarge) =>
    invalidInput(m, isTooLarge ? "MAX_VALUE_EXCEEDED" : "MIN_VALUE_EXCEEDED"),
  );
  return paginate(all, {
    token: input.NextToken,
    limit,
    print: fingerprint(print),
    invalidToken: () => invalidInput("The specified pagination token is invalid.", "INVALID_NEXT_TOKEN"),
  });
}

const accountStatus = (account: SimAccount): string =>
  account.state === "CLOSED" ? "SUSPENDED" : account.state === "PENDING_ACTIVATION" ? "ACTIVE" : account.state;

function accountPath(state: SimState, account: SimAccount): string {
  const parentOu = organizationIndex(state).ousById.get(account.parentId);
  const parentPath = parentOu?.path ?? `${state.organization.id}/${account.parentId}/`;
  return `${parentPath}${account.id}/`;
}

export function serializeAccount(state: SimState, account: SimAccount) {
  return {
    Id: account.id,
    Arn: account.arn,
    Email: account.email,
    Name: account.name,
    Status: accountStatus(account),
    State: account.state,
    JoinedMethod: account.joinedMethod,
    JoinedTimestamp: epochSeconds(account.joinedTimestamp),
    Paths: [accountPath(state, account)],
  };
}

const describeOrganization: JsonHandler = (ctx) => {
  const org = ctx.state.organization;
  if (!organizationIndex(ctx.state).accountsById.has(ctx.caller.accountId))
    throw new AwsError("AWSOrganizationsNotInUseException", "Your account is not a member of an organization.", 400);
  return {
    Organization: {
      Id: org.id,
      Arn: org.arn,
      FeatureSet: org.featureSet,
      MasterAccountArn: `arn:aws:organizations::${org.managementAccountId}:account/${org.id}/${org.managementAccountId}`,
      MasterAccountId: org.managementAccountId,
      MasterAccountEmail: org.managementAccountEmail,
      // Member accounts may call DescribeOrganization too; the deprecated policy-type list comes back empty for them.
      AvailablePolicyTypes: ctx.caller.accountId === org.managementAccountId ? [{ Type: "SERVICE_CONTROL_POLICY", Status: "ENABLED" }] : [],
    },
  };
};

const listRoots: JsonHandler = (ctx, input) => {
  const args = parseJsonInput(PAGE, input, (m) => invalidInput(m));
  const page = pageOf(ctx.state.roots, args, ["ListRoots"]);
  return {
    Roots: page.items.map((root) => ({
      Id: root.id,
      Arn: root.arn,
      Name: root.name,
      PolicyTypes: root.policyTypes.map((p) => ({ Type: p.type, Status: p.status })),
    })),
    NextToken: page.nextToken,
  };
};

const listOrganizationalUnitsForParent: JsonHandler = (ctx, input) => {
  const args = parseJsonInput(PAGE.extend({ ParentId: z.string() }), input, (m) => invalidInput(m));
  const index = organizationIndex(ctx.state);
  const isKnownParent = ctx.state.roots.some((r) => r.id === args.ParentId) || index.ousById.has(args.ParentId);
  if (!isKnownParent)
    throw new AwsError("ParentNotFoundException", "We can't find a root or OU with the ParentId that you specified.", 400);
  const page = pageOf(index.ousByParent.get(args.ParentId) ?? [], args, ["ListOUs", args.ParentId]);
  return {
    OrganizationalUnits: page.items.map((ou) => ({ Id: ou.id, Arn: ou.arn, Name: ou.name, Path: ou.path })),
    NextToken: page.nextToken,
  };
};

const listAccounts: JsonHandler = (ctx, input) => {
  const args = parseJsonInput(PAGE, input, (m) => invalidInput(m));
  const page = pageOf(ctx.state.accounts, args, ["ListAccounts"]);
  return { Accounts: page.items.map((a) => serializeAccount(ctx.state, a)), NextToken: page.nextToken };
};

const listAccountsForParent: JsonHandler = (ctx, input) => {
  const args = parseJsonInput(PAGE.extend({ ParentId: z.string() }), input, (m) => invalidInput(m));
  const index = organizationIndex(ctx.state);
  const page = pageOf(index.accountsByParent.get(args.ParentId) ?? [], args, ["ListAccountsForParent", args.ParentId]);
  return { Accounts: page.items.map((a) => serializeAccount(ctx.state, a)), NextToken: page.nextToken };
};

const listParents: JsonHandler = (ctx, input) => {
  const args = parseJsonInput(PAGE.extend({ ChildId: z.string() }), input, (m) => invalidInput(m));
  const index = organizationIndex(ctx.state);
  const parentId = index.accountsById.get(args.ChildId)?.parentId ?? index.ousById.get(args.ChildId)?.parentId;
  if (parentId === undefined)
    throw new AwsError(
      "ChildNotFoundException",
      "We can't find an organizational unit (OU) or AWS account with the ChildId that you specified.",
      400,
    );
  const type = parentId.startsWith("r-") ? "ROOT" : "ORGANIZATIONAL_UNIT";
  const page = pageOf([{ Id: parentId, Type: type }], args, ["ListParents", args.ChildId]);
  return { Parents: page.items, NextToken: page.nextToken };
};

const listTagsForResource: JsonHandler = (ctx, input) => {
  const args = parseJsonInput(z.object({ ResourceId: z.string(), NextToken: z.string().optional() }).loose(), input, (m) =>
    invalidInput(m),
  );
  const index = organizationIndex(ctx.state);
  const tags =
    index.accountsById.get(args.ResourceId)?.tags ??
    index.ousById.get(args.ResourceId)?.tags ??
    ctx.state.roots.find((r) => r.id === args.ResourceId)?.tags;
  if (tags === undefined)
    throw new AwsError(
      "TargetNotFoundException",
      "We can't find a root, OU, account, or policy with the TargetId that you specified.",
      400,
    );
  const page = paginate(tags, {
    token: args.NextToken,
    limit: 50,
    print: fingerprint(["OrgTags", args.ResourceId]),
    invalidToken: () => invalidInput("The specified pagination token is invalid.", "INVALID_NEXT_TOKEN"),
  });
  return { Tags: page.items.map((t) => ({ Key: t.key, Value: t.value })), NextToken: page.nextToken };
};

export const ORGANIZATIONS_OPERATIONS: Record<string, JsonHandler> = {
  DescribeOrganization: describeOrganization,
  ListRoots: listRoots,
  ListOrganizationalUnitsForParent: listOrganizationalUnitsForParent,
  ListAccounts: listAccounts,
  ListAccountsForParent: listAccountsForParent,
  ListParents: listParents,
  ListTagsForResource: listTagsForResource,
};
