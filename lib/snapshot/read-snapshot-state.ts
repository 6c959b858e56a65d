import type { AccountIam, CollectionError, IdentityCenterInventory, OrgInventory } from "../aws";
import type { Db } from "../db";
import type { EntityDataByKind } from "./entity-data-by-kind";
import type { EntityKind } from "./entity-kinds";
import { getSnapshotOrThrow } from "./get-snapshot";
import { assertReadable } from "./readable-snapshot";
import { sql } from "./sql";
import { validAsOf } from "./valid-as-of";

/** A stored row, its `data` typed by its kind (what the writer stored, see entity-records.ts). */
type StoredRow = { [K in EntityKind]: { kind: K; accountId: string | null; data: EntityDataByKind[K] } }[EntityKind];

/**
 * The whole state as of a readable snapshot, shaped as the collector's OrgInventory (entities in
 * natural-key order), so exports and tests can compare a stored state with a collected one.
 * `coverage`, `errors` and `stats` are the snapshot run's own. Credential reports come back with
 * `generatedAt: null`: that time is not versioned (see entity-records.ts).
 */
export async function readSnapshotState(db: Db, snapshotId: number): Promise<OrgInventory> {
  await assertReadable(db, snapshotId);
  const [snapshot, rows] = await Promise.all([
    getSnapshotOrThrow(db, snapshotId),
    db.$queryRaw<StoredRow[]>(
      sql`SELECT v.kind, v."accountId", v.data FROM "EntityVersion" v WHERE ${validAsOf("v", snapshotId)} ORDER BY v.kind, v."naturalKey"`,
    ),
  ]);
  if (!snapshot.coverage || !snapshot.stats) throw new Error(`snapshot ${snapshotId} is readable but has no coverage or stats`);
  const state: Omit<OrgInventory, "identityCenter" | "coverage" | "errors" | "stats"> = {
    organization: null,
    roots: [],
    ous: [],
    accounts: [],
    serviceControlPolicies: [],
    awsManagedPolicies: [],
    iamByAccount: {},
  };
  let instance: IdentityCenterInventory["instance"] | null = null;
  const idc: Omit<IdentityCenterInventory, "instance"> = { users: [], groups: [], memberships: [], permissionSets: [], assignments: [] };
  // The writer gives every IAM row its account; one without is not part of any account's IAM.
  const accountIam = (accountId: string | null): AccountIam | undefined =>
    accountId === null
      ? undefined
      : (state.iamByAccount[accountId] ??= { accountId, roles: [], users: [], groups: [], policies: [], credentialReport: null });
  for (const row of rows) {
    switch (row.kind) {
      case "ORGANIZATION":
        state.organization = row.data;
        break;
      case "ORG_ROOT":
        state.roots.push(row.data);
        break;
      case "ORG_UNIT":
        state.ous.push(row.data);
        break;
      case "ACCOUNT":
        state.accounts.push(row.data);
        break;
      case "SERVICE_CONTROL_POLICY":
        state.serviceControlPolicies.push(row.data);
        break;
      case "AWS_MANAGED_POLICY":
        state.awsManagedPolicies.push(row.data);
        break;
      case "IDC_INSTANCE":
        instance = row.data;
        break;
      case "IDC_USER":
        idc.users.push(row.data);
        break;
      case "IDC_GROUP":
        idc.groups.push(row.data);
        break;
      case "IDC_GROUP_MEMBERSHIP":
        idc.memberships.push(row.data);
        break;
      case "PERMISSION_SET":
        idc.permissionSets.push(row.data);
        break;
      case "ACCOUNT_ASSIGNMENT":
        idc.assignments.push(row.data);
        break;
      case "IAM_ROLE":
        accountIam(row.accountId)?.roles.push(row.data);
        break;
      case "IAM_USER":
        accountIam(row.accountId)?.users.push(row.data);
        break;
      case "IAM_GROUP":
        accountIam(row.accountId)?.groups.push(row.data);
        break;
      case "IAM_POLICY":
        accountIam(row.accountId)?.policies.push(row.data);
        break;
      case "IAM_CREDENTIAL": {
        const iam = accountIam(row.accountId);
        if (!iam) break;
        iam.credentialReport ??= { generatedAt: null, rows: [] };
        iam.credentialReport.rows.push(row.data);
        break;
      }
      default:
        row satisfies never;
    }
  }

  return {
    organization: state.organization,
    roots: state.roots,
    ous: state.ous,
    accounts: state.accounts,
    serviceControlPolicies: state.serviceControlPolicies,
    awsManagedPolicies: state.awsManagedPolicies,
    identityCenter: instance ? { instance, ...idc } : null,
    iamByAccount: state.iamByAccount,
    coverage: snapshot.coverage,
    errors: snapshot.errors.map((e): CollectionError => ({
      ...(e.accountId ? { accountId: e.accountId } : {}),
      service: e.service,
      operation: e.operation,
      code: e.code,
      message: e.message,
    })),
    stats: snapshot.stats,
  };
}
