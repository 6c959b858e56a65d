import { z } from "zod";
import type { IdcPermissionSet } from "../model/identity-center";
import { AwsError, jsonValidationError } from "../protocol/aws-error";
import { parseJsonInput, readPageSize } from "../protocol/json-input";
import { fingerprint, paginate } from "../protocol/pagination";
import { epochSeconds, type JsonHandler, type RequestContext } from "../protocol/request-context";
import { assignmentKey, identityCenterIndex } from "../lookup/identity-center-lookup";

const PAGE = z.object({ NextToken: z.string().optional(), MaxResults: z.number().optional() }).loose();
const INSTANCE = PAGE.extend({ InstanceArn: z.string() });
const PERMISSION_SET = INSTANCE.extend({ PermissionSetArn: z.string() });

const notFound = (message: string): AwsError => new AwsError("ResourceNotFoundException", message, 404);

function pageOf<T>(all: readonly T[], input: z.infer<typeof PAGE>, print: unknown) {
  const limit = readPageSize(input.MaxResults, { min: 1, max: 100, fallback: 100, name: "maxResults" }, jsonValidationError);
  return paginate(all, {
    token: input.NextToken,
    limit,
    print: fingerprint(print),
    invalidToken: () => jsonValidationError("Invalid NextToken"),
  });
}

function requireInstance(ctx: RequestContext, instanceArn: string): void {
  if (!/^arn:(aws|aws-us-gov|aws-cn|aws-iso|aws-iso-b):sso:::instance\/(sso)?ins-[a-zA-Z0-9-.]{16}$/.test(instanceArn)) {
    throw jsonValidationError(
      `1 validation error detected: Value '${instanceArn}' at 'instanceArn' failed to satisfy constraint: Member must satisfy regular expression pattern`,
    );
  }
  if (instanceArn !== ctx.state.identityCenter.instance.instanceArn) throw notFound(`Instance ${instanceArn} not found`);
}

function requirePermissionSet(ctx: RequestContext, args: { InstanceArn: string; PermissionSetArn: string }): IdcPermissionSet {
  requireInstance(ctx, args.InstanceArn);
  const found = identityCenterIndex(ctx.state).permissionSetsByArn.get(args.PermissionSetArn);
  if (found === undefined) {
    const id = args.PermissionSetArn.split("/").pop();
    throw notFound(`Could not find PermissionSet with id ${id}`);
  }
  return found;
}

const parse = <S extends z.ZodType>(schema: S, input: unknown) => parseJsonInput(schema, input, jsonValidationError);

const listInstances: JsonHandler = (ctx, input) => {
  const args = parse(PAGE, input);
  const instance = ctx.state.identityCenter.instance;
  const page = pageOf([instance], args, ["ListInstances"]);
  return {
    Instances: page.items.map((i) => ({
      InstanceArn: i.instanceArn,
      IdentityStoreId: i.identityStoreId,
      OwnerAccountId: i.ownerAccountId,
      Name: i.name,
      CreatedDate: epochSeconds(i.createdDate),
      Status: "ACTIVE",
    })),
    NextToken: page.nextToken,
  };
};

const listPermissionSets: JsonHandler = (ctx, input) => {
  const args = parse(INSTANCE, input);
  requireInstance(ctx, args.InstanceArn);
  const page = pageOf(ctx.state.identityCenter.permissionSets, args, ["ListPermissionSets"]);
  return { PermissionSets: page.items.map((p) => p.arn), NextToken: page.nextToken };
};

const describePermissionSet: JsonHandler = (ctx, input) => {
  const ps = requirePermissionSet(ctx, parse(PERMISSION_SET, input));
  return {
    PermissionSet: {
      Name: ps.name,
      PermissionSetArn: ps.arn,
      Description: ps.description,
      CreatedDate: epochSeconds(ps.createdDate),
      SessionDuration: ps.sessionDuration,
      RelayState: ps.relayState,
    },
  };
};

const listManagedPolicies: JsonHandler = (ctx, input) => {
  const args = parse(PERMISSION_SET, input);
  const ps = requirePermissionSet(ctx, args);
  const page = pageOf(ps.managedPolicies, args, ["ListManaged", ps.arn]);
  return { AttachedManagedPolicies: page.items.map((p) => ({ Name: p.name, Arn: p.arn })), NextToken: page.nextToken };
};

const listCustomerManagedPolicies: JsonHandler = (ctx, input) => {
  const args = parse(PERMISSION_SET, input);
  const ps = requirePermissionSet(ctx, args);
  const page = pageOf(ps.customerManagedPolicies, args, ["ListCmp", ps.arn]);
  return {
    CustomerManagedPolicyReferences: page.items.map((p) => ({ Name: p.name, Path: p.path })),
    NextToken: page.nextToken,
  };
};

const getInlinePolicy: JsonHandler = (ctx, input) => {
  const ps = requirePermissionSet(ctx, parse(PERMISSION_SET, input));
  return { InlinePolicy: ps.inlinePolicy };
};

const getPermissionsBoundary: JsonHandler = (ctx, input) => {
  const ps = requirePermissionSet(ctx, parse(PERMISSION_SET, input));
  const boundary = ps.permissionsBoundary;
  if (boundary === undefined) throw notFound(`Permissions boundary not found for PermissionSet ${ps.arn.split("/").pop()}`);
  return {
    PermissionsBoundary:
      "managedPolicyArn" in boundary
        ? { ManagedPolicyArn: boundary.managedPolicyArn }
        : {
            CustomerManagedPolicyReference: {
              Name: boundary.customerManagedPolicyReference.name,
              Path: boundary.customerManagedPolicyReference.path,
            },
          },
  };
};

const PROVISIONING = z.enum(["LATEST_PERMISSION_SET_PROVISIONED", "LATEST_PERMISSION_SET_NOT_PROVISIONED"]).optional();

const listAccountsForProvisionedPermissionSet: JsonHandler = (ctx, input) => {
  const args = parse(PERMISSION_SET.extend({ ProvisioningStatus: PROVISIONING }), input);
  const ps = requirePermissionSet(ctx, args);
  // Every simulated provisioning is current, so "not provisioned" is always empty.
  const accounts =
    args.ProvisioningStatus === "LATEST_PERMISSION_SET_NOT_PROVISIONED"
      ? []
      : (identityCenterIndex(ctx.state).accountsBySet.get(ps.arn) ?? []);
  const page = pageOf(accounts, args, ["ListAccountsForPs", ps.arn, args.ProvisioningStatus]);
  return { AccountIds: page.items, NextToken: page.nextToken };
};

const ACCOUNT_ID = z.string().regex(/^\d{12}$/, "Member must satisfy regular expression pattern: \\d{12}");

const listAccountAssignments: JsonHandler = (ctx, input) => {
  const args = parse(PERMISSION_SET.extend({ AccountId: ACCOUNT_ID }), input);
  const ps = requirePermissionSet(ctx, args);
  const all = identityCenterIndex(ctx.state).assignmentsByAccountAndSet.get(assignmentKey(args.AccountId, ps.arn)) ?? [];
  const page = pageOf(all, args, ["ListAccountAssignments", args.AccountId, ps.arn]);
  return {
    AccountAssignments: page.items.map((a) => ({
      AccountId: a.accountId,
      PermissionSetArn: a.permissionSetArn,
      PrincipalType: a.principalType,
      PrincipalId: a.principalId,
    })),
    NextToken: page.nextToken,
  };
};

const listAccountAssignmentsForPrincipal: JsonHandler = (ctx, input) => {
  const args = parse(
    INSTANCE.extend({
      PrincipalId: z.string(),
      PrincipalType: z.enum(["USER", "GROUP"]),
      Filter: z.object({ AccountId: z.string().optional() }).optional(),
    }),
    input,
  );
  requireInstance(ctx, args.InstanceArn);
  const all = ctx.state.identityCenter.assignments.filter(
    (a) =>
      a.principalId === args.PrincipalId &&
      a.principalType === args.PrincipalType &&
      (args.Filter?.AccountId === undefined || a.accountId === args.Filter.AccountId),
  );
  const page = pageOf(all, args, ["ForPrincipal", args.PrincipalId, args.Filter?.AccountId]);
  return {
    AccountAssignments: page.items.map((a) => ({
      AccountId: a.accountId,
      PermissionSetArn: a.permissionSetArn,
      PrincipalType: a.principalType,
      PrincipalId: a.principalId,
    })),
    NextToken: page.nextToken,
  };
};

const listPermissionSetsProvisionedToAccount: JsonHandler = (ctx, input) => {
  const args = parse(INSTANCE.extend({ AccountId: ACCOUNT_ID, ProvisioningStatus: PROVISIONING }), input);
  requireInstance(ctx, args.InstanceArn);
  const sets =
    args.ProvisioningStatus === "LATEST_PERMISSION_SET_NOT_PROVISIONED"
      ? []
      : (identityCenterIndex(ctx.state).setsByAccount.get(args.AccountId) ?? []);
  const page = pageOf(sets, args, ["ProvisionedToAccount", args.AccountId, args.ProvisioningStatus]);
  return { NextToken: page.nextToken, PermissionSets: page.items };
};

const listTagsForResource: JsonHandler = (ctx, input) => {
  const args = parse(PAGE.extend({ InstanceArn: z.string().optional(), ResourceArn: z.string() }), input);
  if (args.InstanceArn !== undefined) requireInstance(ctx, args.InstanceArn);
  const ps = identityCenterIndex(ctx.state).permissionSetsByArn.get(args.ResourceArn);
  const tags = ps?.tags ?? (args.ResourceArn === ctx.state.identityCenter.instance.instanceArn ? [] : undefined);
  if (tags === undefined) throw notFound(`Resource ${args.ResourceArn} not found`);
  const page = pageOf(tags, args, ["SsoTags", args.ResourceArn]);
  return { Tags: page.items.map((t) => ({ Key: t.key, Value: t.value })), NextToken: page.nextToken };
};

export const SSO_ADMIN_OPERATIONS: Record<string, JsonHandler> = {
  ListInstances: listInstances,
  ListPermissionSets: listPermissionSets,
  DescribePermissionSet: describePermissionSet,
  ListManagedPoliciesInPermissionSet: listManagedPolicies,
  ListCustomerManagedPolicyReferencesInPermissionSet: listCustomerManagedPolicies,
  GetInlinePolicyForPermissionSet: getInlinePolicy,
  GetPermissionsBoundaryForPermissionSet: getPermissionsBoundary,
  ListAccountsForProvisionedPermissionSet: listAccountsForProvisionedPermissionSet,
  ListAccountAssignments: listAccountAssignments,
  ListAccountAssignmentsForPrincipal: listAccountAssignmentsForPrincipal,
  ListPermissionSetsProvisionedToAccount: listPermissionSetsProvisionedToAccount,
  ListTagsForResource: listTagsForResource,
};
