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
import { collectAll, NEXT_TOKEN } from "./paginate";
import { namedPolicy } from "./policy-document";
import type { AccountAssignment, PermissionSet, PermissionsBoundaryRef, PrincipalType } from "./types";

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
      return Object.fromEntries(list.map((t) => [t.Key ?? "", t.Value ?? ""]));
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

  const ps = described.PermissionSet;
  return {
    key: arn,
    arn,
    name: ps?.Name ?? "",
    description: ps?.Description ?? null,
    createdAt: ps?.CreatedDate?.toISOString() ?? null,
    sessionDuration: ps?.SessionDuration ?? null,
    relayState: ps?.RelayState ?? null,
    awsManagedPolicies: (managed ?? []).map((p) => ({ name: p.Name ?? "", arn: p.Arn ?? "" })),
    customerManagedPolicies: (customer ?? []).map((p) => ({ name: p.Name ?? "", path: p.Path ?? "/" })),
    inlinePolicy: inline ?? null,
    permissionsBoundary: boundary ?? null,
    tags: tags ?? null,
    provisionedAccountIds: accounts ? [...accounts].sort() : null,
  };
}

/** No boundary is reported as ResourceNotFoundException by some endpoints and as an empty body by others. */
async function readBoundary(
  client: SSOAdminClient,
  ids: { InstanceArn: string; PermissionSetArn: string },
): Promise<PermissionsBoundaryRef | null> {
  try {
    const out = await client.send(new GetPermissionsBoundaryForPermissionSetCommand(ids));
    const b = out.PermissionsBoundary;
    if (!b?.ManagedPolicyArn && !b?.CustomerManagedPolicyReference) return null;
    return {
      managedPolicyArn: b.ManagedPolicyArn ?? null,
      customerManagedPolicy: b.CustomerManagedPolicyReference
        ? { name: b.CustomerManagedPolicyReference.Name ?? "", path: b.CustomerManagedPolicyReference.Path ?? "/" }
        : null,
    };
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}

export function assignmentKey(a: Omit<AccountAssignment, "key">): string {
  return `${a.accountId}|${a.permissionSetArn}|${a.principalType}|${a.principalId}`;
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
  return list.map((a) => {
    const value = {
      accountId: a.AccountId ?? accountId,
      permissionSetArn: a.PermissionSetArn ?? permissionSetArn,
      principalType: (a.PrincipalType ?? "USER") as PrincipalType,
      principalId: a.PrincipalId ?? "",
    };
    return { key: assignmentKey(value), ...value };
  });
}
