import type {
  AccountIam,
  CredentialReportRow,
  IamGroup,
  IamRole,
  IamUser,
  IdcGroup,
  IdcUser,
  OrgInventory,
  OrgRoot,
  PermissionSet,
  ServiceControlPolicy,
} from "../aws";
import type { EntityDataByKind } from "./entity-data-by-kind";
import { SINGLETON_KEYS, type EntityKind } from "./entity-kinds";

export type EntityData = Record<string, unknown>;

/** One entity as the writer stores it: a natural key, its owning account (if any) and its data. */
export interface EntityRecord {
  kind: EntityKind;
  naturalKey: string;
  accountId: string | null;
  data: EntityData;
}

/**
 * Flattens an inventory into records. Arrays whose order means nothing (attached policies, external
 * ids, group names…) are sorted, because AWS does not promise an order and a reordering alone must
 * not create a new version. Policy documents are kept exactly as AWS returned them.
 *
 * Not versioned, on purpose: the credential report's `generatedAt` (it changes on every run and says
 * nothing about the credentials; it is kept in the snapshot's stats instead), and the inventory's
 * `coverage`, `errors` and `stats`, which describe the run and live on the Snapshot row.
 */
export function toEntityRecords(inventory: OrgInventory): EntityRecord[] {
  const records: EntityRecord[] = [];
  // Typed by kind, so what is stored is what the readers' field helpers (entity-alias.ts) expect.
  const push: Push = (kind, naturalKey, accountId, data) => records.push({ kind, naturalKey, accountId, data: { ...data } });

  if (inventory.organization) push("ORGANIZATION", SINGLETON_KEYS.ORGANIZATION, null, inventory.organization);
  for (const root of inventory.roots) push("ORG_ROOT", root.key, null, normalizeRoot(root));
  for (const ou of inventory.ous) push("ORG_UNIT", ou.key, null, ou);
  for (const account of inventory.accounts) push("ACCOUNT", account.key, account.id, account);
  for (const scp of inventory.serviceControlPolicies) push("SERVICE_CONTROL_POLICY", scp.key, null, normalizeScp(scp));
  for (const policy of inventory.awsManagedPolicies) push("AWS_MANAGED_POLICY", policy.key, null, policy);

  const idc = inventory.identityCenter;
  if (idc) {
    push("IDC_INSTANCE", SINGLETON_KEYS.IDC_INSTANCE, null, idc.instance);
    for (const user of idc.users) push("IDC_USER", user.key, null, withSortedExternalIds(user));
    for (const group of idc.groups) push("IDC_GROUP", group.key, null, withSortedExternalIds(group));
    for (const membership of idc.memberships) push("IDC_GROUP_MEMBERSHIP", membership.key, null, membership);
    for (const set of idc.permissionSets) push("PERMISSION_SET", set.key, null, normalizePermissionSet(set));
    for (const assignment of idc.assignments) push("ACCOUNT_ASSIGNMENT", assignment.key, assignment.accountId, assignment);
  }

  for (const [accountId, iam] of Object.entries(inventory.iamByAccount)) pushAccountIam(accountId, iam, push);
  return dedupe(records);
}

type Push = <K extends EntityKind>(kind: K, naturalKey: string, accountId: string | null, data: EntityDataByKind[K]) => void;

function pushAccountIam(accountId: string, iam: AccountIam, push: Push): void {
  for (const role of iam.roles) push("IAM_ROLE", role.key, accountId, normalizeRole(role));
  for (const user of iam.users) push("IAM_USER", user.key, accountId, normalizeUser(user));
  for (const group of iam.groups) push("IAM_GROUP", group.key, accountId, normalizeGroup(group));
  for (const policy of iam.policies) push("IAM_POLICY", policy.key, accountId, policy);
  for (const row of iam.credentialReport?.rows ?? []) push("IAM_CREDENTIAL", row.key, accountId, row satisfies CredentialReportRow);
}

/** A collector that reports one entity twice (e.g. across pages) must not produce two open versions. */
function dedupe(records: EntityRecord[]): EntityRecord[] {
  const byKey = new Map<string, EntityRecord>();
  for (const record of records) byKey.set(`${record.kind}\u0000${record.naturalKey}`, record);
  return byKey.size === records.length ? records : [...byKey.values()];
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sortedBy = <T>(items: readonly T[], key: (item: T) => string): T[] => [...items].sort((a, b) => byString(key(a), key(b)));

function normalizeRoot(root: OrgRoot): OrgRoot {
  return { ...root, policyTypes: sortedBy(root.policyTypes, (p) => `${p.type}|${p.status}`) };
}

function normalizeScp(scp: ServiceControlPolicy): ServiceControlPolicy {
  return { ...scp, targets: sortedBy(scp.targets, (t) => t.targetId) };
}

function withSortedExternalIds<T extends IdcUser | IdcGroup>(entity: T): T {
  return { ...entity, externalIds: sortedBy(entity.externalIds, (e) => `${e.issuer}|${e.id}`) };
}

function normalizePermissionSet(set: PermissionSet): PermissionSet {
  return {
    ...set,
    awsManagedPolicies: sortedBy(set.awsManagedPolicies, (p) => p.arn),
    customerManagedPolicies: sortedBy(set.customerManagedPolicies, (p) => `${p.path}${p.name}`),
    provisionedAccountIds: set.provisionedAccountIds ? [...set.provisionedAccountIds].sort() : null,
  };
}

function normalizeRole(role: IamRole): IamRole {
  return {
    ...role,
    inlinePolicies: sortedBy(role.inlinePolicies, (p) => p.name),
    attachedManagedPolicies: sortedBy(role.attachedManagedPolicies, (p) => p.arn),
    instanceProfileArns: [...role.instanceProfileArns].sort(),
  };
}

function normalizeUser(user: IamUser): IamUser {
  return {
    ...user,
    groupNames: [...user.groupNames].sort(),
    inlinePolicies: sortedBy(user.inlinePolicies, (p) => p.name),
    attachedManagedPolicies: sortedBy(user.attachedManagedPolicies, (p) => p.arn),
  };
}

function normalizeGroup(group: IamGroup): IamGroup {
  return {
    ...group,
    inlinePolicies: sortedBy(group.inlinePolicies, (p) => p.name),
    attachedManagedPolicies: sortedBy(group.attachedManagedPolicies, (p) => p.arn),
  };
}
