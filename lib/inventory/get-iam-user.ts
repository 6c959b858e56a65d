import type { Db } from "../db";
import type { AccessKeyActivity, CredentialReportRow, IamGroup, IamUser, ManagedPolicyRef, NamedPolicy, Tags } from "../aws";
import { entityAlias, sql } from "../snapshot";
import { account } from "./find-accounts";

export interface IamUserGroup {
  arn: string;
  groupName: string;
  inlinePolicies: NamedPolicy[];
  attachedManagedPolicies: ManagedPolicyRef[];
}

/** The user's credential-report row; absent when the account's report was not collected. */
export interface IamUserCredentials {
  passwordEnabled: boolean | null;
  passwordLastUsedAt: string | null;
  passwordLastChangedAt: string | null;
  passwordNextRotationAt: string | null;
  mfaActive: boolean | null;
  accessKeys: AccessKeyActivity[];
}

export interface IamUserDetail {
  arn: string;
  accountId: string;
  accountName: string | null;
  userName: string;
  userId: string;
  path: string;
  createdAt: string | null;
  inlinePolicies: NamedPolicy[];
  attachedManagedPolicies: ManagedPolicyRef[];
  permissionsBoundaryArn: string | null;
  tags: Tags;
  /** the groups the user is in, with their policies; a group the snapshot does not hold is listed by name only */
  groups: IamUserGroup[];
  credentials: IamUserCredentials | null;
}

const user = entityAlias("IAM_USER", "u");
const group = entityAlias("IAM_GROUP", "g");
const credential = entityAlias("IAM_CREDENTIAL", "c");

type Row = { data: IamUser; accountName: string | null; credential: CredentialReportRow | null };

/** One IAM user as of a snapshot with its policies, groups (and theirs) and credential-report row; null if absent then. */
export async function getIamUser(db: Db, snapshotId: number, arn: string): Promise<IamUserDetail | null> {
  const rows = await db.$queryRaw<Row[]>(sql`
    SELECT ${user.data}, ${account.text("name")} AS "accountName", ${credential.data} AS credential
    FROM ${user.table}
      LEFT JOIN ${account.table} ON ${account.asOf(snapshotId)} AND ${account.naturalKey} = ${user.accountId}
      LEFT JOIN ${credential.table} ON ${credential.asOf(snapshotId)} AND ${credential.naturalKey} = ${user.naturalKey}
    WHERE ${user.asOf(snapshotId)} AND ${user.naturalKey} = ${arn}
    LIMIT 1`);
  const row = rows[0];
  if (!row) return null;
  const { data } = row;
  const groupNames = data.groupNames ?? [];
  const groups = groupNames.length
    ? await db.$queryRaw<Array<{ data: IamGroup }>>(sql`
        SELECT ${group.data} FROM ${group.table}
        WHERE ${group.asOf(snapshotId)} AND ${group.accountId} = ${data.accountId} AND ${group.text("groupName")} = ANY(${groupNames})`)
    : [];
  const byName = new Map(groups.map((g) => [g.data.groupName, g.data]));
  const report = row.credential;
  // Picked field by field: `data` is whatever the collector stored, and pages must only see this shape.
  return {
    arn: data.arn,
    accountId: data.accountId,
    accountName: row.accountName,
    userName: data.userName,
    userId: data.userId,
    path: data.path,
    createdAt: data.createdAt ?? null,
    inlinePolicies: (data.inlinePolicies ?? []).map(({ name, document, rawDocument }) => ({ name, document, rawDocument })),
    attachedManagedPolicies: (data.attachedManagedPolicies ?? []).map(({ name, arn }) => ({ name, arn })),
    permissionsBoundaryArn: data.permissionsBoundaryArn ?? null,
    tags: data.tags ?? {},
    groups: groupNames.map((name) => {
      const found = byName.get(name);
      return {
        arn: found?.arn ?? "",
        groupName: name,
        inlinePolicies: (found?.inlinePolicies ?? []).map(({ name, document, rawDocument }) => ({ name, document, rawDocument })),
        attachedManagedPolicies: (found?.attachedManagedPolicies ?? []).map(({ name, arn }) => ({ name, arn })),
      };
    }),
    credentials: report
      ? {
          passwordEnabled: report.passwordEnabled,
          passwordLastUsedAt: report.passwordLastUsedAt,
          passwordLastChangedAt: report.passwordLastChangedAt,
          passwordNextRotationAt: report.passwordNextRotationAt,
          mfaActive: report.mfaActive,
          accessKeys: (report.accessKeys ?? []).map((k) => ({
            active: k.active,
            lastRotatedAt: k.lastRotatedAt,
            lastUsedAt: k.lastUsedAt,
            lastUsedRegion: k.lastUsedRegion,
            lastUsedService: k.lastUsedService,
          })),
        }
      : null,
  };
}
