import type {
  AccountIam,
  CollectionError,
  CollectionStats,
  CredentialReportRow,
  IamGroup,
  IamManagedPolicy,
  IamRole,
  IamUser,
  IdentityCenterInstance,
  IdentityCenterInventory,
  InventoryCoverage,
  OrgInventory,
} from "../aws";
import type { Db } from "../db";
import type { EntityKind } from "./entity-kinds";
import type { EntityData } from "./entity-records";
import { getSnapshotOrThrow } from "./get-snapshot";
import { assertReadable, visibleAt } from "./readable-snapshot";

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
    db.$queryRawUnsafe<Array<{ kind: EntityKind; accountId: string | null; data: EntityData }>>(
      `SELECT kind, "accountId", data FROM "EntityVersion" WHERE ${visibleAt("$1")} ORDER BY kind, "naturalKey"`,
      snapshotId,
    ),
  ]);
  const of = <T>(kind: EntityKind) => rows.filter((row) => row.kind === kind).map((row) => row.data as T);

  const iamByAccount: Record<string, AccountIam> = {};
  const accountIam = (accountId: string) =>
    (iamByAccount[accountId] ??= { accountId, roles: [], users: [], groups: [], policies: [], credentialReport: null });
  for (const row of rows) {
    if (row.accountId === null) continue;
    const data = row.data as unknown;
    switch (row.kind) {
      case "IAM_ROLE":
        accountIam(row.accountId).roles.push(data as IamRole);
        break;
      case "IAM_USER":
        accountIam(row.accountId).users.push(data as IamUser);
        break;
      case "IAM_GROUP":
        accountIam(row.accountId).groups.push(data as IamGroup);
        break;
      case "IAM_POLICY":
        accountIam(row.accountId).policies.push(data as IamManagedPolicy);
        break;
      case "IAM_CREDENTIAL": {
        const iam = accountIam(row.accountId);
        iam.credentialReport ??= { generatedAt: null, rows: [] };
        iam.credentialReport.rows.push(data as CredentialReportRow);
        break;
      }
      default:
        break;
    }
  }

  const [instance] = of<IdentityCenterInstance>("IDC_INSTANCE");
  const identityCenter: IdentityCenterInventory | null = instance
    ? {
        instance,
        users: of("IDC_USER"),
        groups: of("IDC_GROUP"),
        memberships: of("IDC_GROUP_MEMBERSHIP"),
        permissionSets: of("PERMISSION_SET"),
        assignments: of("ACCOUNT_ASSIGNMENT"),
      }
    : null;

  return {
    organization: of<OrgInventory["organization"]>("ORGANIZATION")[0] ?? null,
    roots: of("ORG_ROOT"),
    ous: of("ORG_UNIT"),
    accounts: of("ACCOUNT"),
    identityCenter,
    iamByAccount,
    coverage: snapshot.coverage as unknown as InventoryCoverage,
    errors: snapshot.errors.map((e): CollectionError => ({
      ...(e.accountId ? { accountId: e.accountId } : {}),
      service: e.service,
      operation: e.operation,
      code: e.code,
      message: e.message,
    })),
    stats: snapshot.stats as unknown as CollectionStats,
  };
}
