import type { IdentitystoreClient } from "@aws-sdk/client-identitystore";
import { ListInstancesCommand, type SSOAdminClient } from "@aws-sdk/client-sso-admin";
import type { CollectionLog } from "./collection-log";
import { mapLimited } from "./concurrency";
import { collectGroupMemberships, collectIdcGroups, collectIdcUsers } from "./identity-store";
import { chooseIdentityCenterInstance } from "./map-identity-center";
import { collectAll, NEXT_TOKEN } from "./paginate";
import { collectAccountAssignments, collectPermissionSet, listPermissionSetArns } from "./permission-sets";
import type { CollectionStatus, IdentityCenterInstance, IdentityCenterInventory, InventoryCoverage } from "./types";

export type IdentityCenterCoverage = InventoryCoverage["identityCenter"];

export interface IdentityCenterResult {
  inventory: IdentityCenterInventory | null;
  coverage: IdentityCenterCoverage;
}

const ALL_SKIPPED: IdentityCenterCoverage = {
  instance: "SKIPPED",
  users: "SKIPPED",
  groups: "SKIPPED",
  memberships: "SKIPPED",
  permissionSets: "SKIPPED",
  assignments: "SKIPPED",
};

export async function findIdentityCenterInstance(client: SSOAdminClient): Promise<IdentityCenterInstance | null> {
  const instances = await collectAll({ client, command: ListInstancesCommand, input: {}, items: (p) => p.Instances, tokens: NEXT_TOKEN });
  return chooseIdentityCenterInstance(instances);
}

/**
 * Identity Center: users, groups, memberships, permission sets and account assignments.
 * Assignments are read only for the (account, permission set) pairs where the permission set is
 * provisioned — ListAccountsForProvisionedPermissionSet already gives those pairs — instead of the
 * full accounts × permission sets cross product.
 */
export async function collectIdentityCenter(
  clients: { ssoAdmin: SSOAdminClient; identityStore: IdentitystoreClient },
  opts: { log: CollectionLog; concurrency: number },
): Promise<IdentityCenterResult> {
  const { log } = opts;
  const { ssoAdmin, identityStore } = clients;
  const site = (service: string, operation: string) => ({ service, operation });

  const instanceResult = await log.attempt(site("sso", "ListInstances"), () => findIdentityCenterInstance(ssoAdmin));
  if (instanceResult === undefined) return { inventory: null, coverage: { ...ALL_SKIPPED, instance: "FAILED" } };
  if (instanceResult === null) return { inventory: null, coverage: { ...ALL_SKIPPED, instance: "COLLECTED" } };
  const instance = instanceResult;
  const storeId = instance.identityStoreId;

  const [users, groups, psArns] = await Promise.all([
    log.attempt(site("identitystore", "ListUsers"), () => collectIdcUsers(identityStore, storeId)),
    log.attempt(site("identitystore", "ListGroups"), () => collectIdcGroups(identityStore, storeId)),
    log.attempt(site("sso", "ListPermissionSets"), () => listPermissionSetArns(ssoAdmin, instance.instanceArn)),
  ]);

  const membershipLists = await mapLimited(groups ?? [], opts.concurrency, (g) =>
    log.attempt(site("identitystore", "ListGroupMemberships"), () => collectGroupMemberships(identityStore, storeId, g.groupId)),
  );

  const psLog = log.fork();
  const permissionSetResults = await mapLimited(psArns ?? [], opts.concurrency, (arn) =>
    psLog.attempt(site("sso", "DescribePermissionSet"), () => collectPermissionSet(ssoAdmin, instance.instanceArn, arn, psLog)),
  );
  const permissionSets = permissionSetResults.filter((p) => p !== undefined);
  const permissionSetsComplete = psLog.errors.length === 0;

  const pairs = permissionSets.flatMap((ps) => (ps.provisionedAccountIds ?? []).map((accountId) => ({ accountId, arn: ps.arn })));
  const assignmentLists = await mapLimited(pairs, opts.concurrency, (pair) =>
    log.attempt({ accountId: pair.accountId, service: "sso", operation: "ListAccountAssignments" }, () =>
      collectAccountAssignments(ssoAdmin, instance.instanceArn, pair.accountId, pair.arn),
    ),
  );

  const status = (value: unknown, complete = true): CollectionStatus =>
    value === undefined ? "FAILED" : complete ? "COLLECTED" : "PARTIAL";
  const assignmentsComplete =
    psArns !== undefined &&
    permissionSets.length === psArns.length &&
    permissionSets.every((p) => p.provisionedAccountIds !== null) &&
    assignmentLists.every((a) => a !== undefined);

  return {
    inventory: {
      instance,
      users: users ?? [],
      groups: groups ?? [],
      memberships: membershipLists.flatMap((m) => m ?? []),
      permissionSets,
      assignments: assignmentLists.flatMap((a) => a ?? []),
    },
    coverage: {
      instance: "COLLECTED",
      users: status(users),
      groups: status(groups),
      memberships:
        groups === undefined
          ? "FAILED"
          : status(
              membershipLists,
              membershipLists.every((m) => m !== undefined),
            ),
      permissionSets: status(psArns, permissionSetsComplete),
      assignments: psArns === undefined ? "FAILED" : assignmentsComplete ? "COLLECTED" : "PARTIAL",
    },
  };
}
