import {
  DescribePermissionSetCommand,
  GetInlinePolicyForPermissionSetCommand,
  GetPermissionsBoundaryForPermissionSetCommand,
  ListAccountAssignmentsCommand,
  ListAccountsForProvisionedPermissionSetCommand,
  ListCustomerManagedPolicyReferencesInPermissionSetCommand,
  ListManagedPoliciesInPermissionSetCommand,
  ListPermissionSetsCommand,
  ListTagsForResourceCommand,
  type SSOAdminClient,
} from "@aws-sdk/client-sso-admin";
import { isNotFound } from "./aws-errors";
import type { CollectionLog } from "./collection-log";
import { toAccountAssignment, toPermissionsBoundary, toPermissionSet } from "./map-identity-center";
import { collectAll, NEXT_TOKEN } from "./paginate";
import { namedPolicy } from "./policy-document";
import type { AccountAssignment, PermissionSet, PermissionsBoundaryRef } from "./types";
import { toTags } from "./wire-values";

export async function listPermissionSetArns(client: SSOAdminClient, instanceArn: string): Promise<string[]> {
  return collectAll({
    client,
    command: ListPermissionSetsCommand,
    input: { InstanceArn: instanceArn, MaxResults: 100 },
    items: (p) => p.PermissionSets,
    tokens: NEXT_TOKEN,
  });
}

/**
 * One permission set with everything that decides what it grants. DescribePermissionSet must
 * succeed; the other reads degrade to null (recorded in the log) so one flaky call does not drop
 * the whole permission set.
 */
export async function collectPermissionSet(
  client: SSOAdminClient,
  instanceArn: string,
  arn: string,
  log: CollectionLog,
): Promise<PermissionSet> {
  const ids = { InstanceArn: instanceArn, PermissionSetArn: arn };
  const site = (operation: string) => ({ service: "sso", operation });

  const [described, managed, customer, inline, boundary, tags, accounts] = await Promise.all([
    client.send(new DescribePermissionSetCommand(ids)),
    log.attempt(site("ListManagedPoliciesInPermissionSet"), () =>
      collectAll({
        client,
        command: ListManagedPoliciesInPermissionSetCommand,
        input: { ...ids, MaxResults: 100 },
        items: (p) => p.AttachedManagedPolicies,
        tokens: NEXT_TOKEN,
      }),
    ),
    log.attempt(site("ListCustomerManagedPolicyReferencesInPermissionSet"), () =>
      collectAll({
        client,
        command: ListCustomerManagedPolicyReferencesInPermissionSetCommand,
        input: { ...ids, MaxResults: 100 },
        items: (p) => p.CustomerManagedPolicyReferences,
        tokens: NEXT_TOKEN,
      }),
    ),
    log.attempt(site("GetInlinePolicyForPermissionSet"), async () => {
      const out = await client.send(new GetInlinePolicyForPermissionSetCommand(ids));
      return out.InlinePolicy ? namedPolicy("inline", out.InlinePolicy) : null;
    }),
    log.attempt(site("GetPermissionsBoundaryForPermissionSet"), () => readBoundary(client, ids)),
    log.attempt(site("ListTagsForResource"), async () => {
      const list = await collectAll({
        client,
        command: ListTagsForResourceCommand,
        input: { InstanceArn: instanceArn, ResourceArn: arn },
        items: (p) => p.Tags,
        tokens: NEXT_TOKEN,
      });
      return toTags(list);
    }),
    log.attempt(site("ListAccountsForProvisionedPermissionSet"), () =>
      collectAll({
        client,
        command: ListAccountsForProvisionedPermissionSetCommand,
        input: { ...ids, MaxResults: 100 },
        items: (p) => p.AccountIds,
        tokens: NEXT_TOKEN,
      }),
    ),
  ]);

  return toPermissionSet(arn, {
    described: described.PermissionSet,
    awsManagedPolicies: managed,
    customerManagedPolicies: customer,
    inlinePolicy: inline ?? null,
    permissionsBoundary: boundary ?? null,
    tags: tags ?? null,
    accountIds: accounts,
  });
}

/** No boundary is reported as ResourceNotFoundException by some endpoints and as an empty body by others. */
async function readBoundary(
  client: SSOAdminClient,
  ids: { InstanceArn: string; PermissionSetArn: string },
): Promise<PermissionsBoundaryRef | null> {
  try {
    const out = await client.send(new GetPermissionsBoundaryForPermissionSetCommand(ids));
    return toPermissionsBoundary(out.PermissionsBoundary);
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}

/** Assignments of one permission set in one account. */
export async function collectAccountAssignments(
  client: SSOAdminClient,
  instanceArn: string,
  accountId: string,
  permissionSetArn: string,
): Promise<AccountAssignment[]> {
  const list = await collectAll({
    client,
    command: ListAccountAssignmentsCommand,
    input: { InstanceArn: instanceArn, AccountId: accountId, PermissionSetArn: permissionSetArn, MaxResults: 100 },
    items: (p) => p.AccountAssignments,
    tokens: NEXT_TOKEN,
  });
  return list.map((a) => toAccountAssignment(a, { accountId, permissionSetArn }));
}
