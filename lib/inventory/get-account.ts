import type { Db } from "../db";
import type { Tags } from "../aws";
import { entityAlias, sql } from "../snapshot";
import { account, ACCOUNT_COLUMNS } from "./find-accounts";

export interface RootCredentialSummary {
  mfaActive: boolean | null;
  passwordEnabled: boolean | null;
  passwordLastUsedAt: string | null;
  hasActiveAccessKey: boolean;
}

export interface AccountDetail {
  id: string;
  name: string;
  email: string;
  status: string;
  ouPath: string;
  joinedAt: string | null;
  tags: Tags | null;
  arn: string;
  joinedMethod: string | null;
  /** the root user's row of the credential report; null when the report was not collected */
  root: RootCredentialSummary | null;
}

type AccountDetailRow = Omit<AccountDetail, "root"> & {
  rootMfa: boolean | null;
  rootPassword: boolean | null;
  rootPasswordLastUsedAt: string | null;
  rootActiveKey: boolean | null;
};

const root = entityAlias("IAM_CREDENTIAL", "r");

/** One account as of a snapshot, with its root user's credential posture; null if absent then. */
export async function getAccount(db: Db, snapshotId: number, accountId: string): Promise<AccountDetail | null> {
  const rows = await db.$queryRaw<AccountDetailRow[]>(sql`
    SELECT ${ACCOUNT_COLUMNS}, ${account.text("arn")} AS arn, ${account.text("joinedMethod")} AS "joinedMethod",
      ${root.boolean("mfaActive")} AS "rootMfa",
      ${root.boolean("passwordEnabled")} AS "rootPassword",
      ${root.text("passwordLastUsedAt")} AS "rootPasswordLastUsedAt",
      CASE WHEN ${root.id} IS NULL THEN NULL ELSE
        coalesce((${root.textAt("accessKeys", "0", "active")})::boolean, false)
        OR coalesce((${root.textAt("accessKeys", "1", "active")})::boolean, false) END AS "rootActiveKey"
    FROM ${account.table}
    LEFT JOIN ${root.table} ON ${root.asOf(snapshotId)}
      AND ${root.accountId} = ${account.naturalKey} AND ${root.boolean("isRoot")}
    WHERE ${account.asOf(snapshotId)} AND ${account.naturalKey} = ${accountId}
    LIMIT 1`);
  const row = rows[0];
  if (!row) return null;
  const { rootMfa, rootPassword, rootPasswordLastUsedAt, rootActiveKey, ...detail } = row;
  return {
    ...detail,
    root:
      rootActiveKey === null
        ? null
        : {
            mfaActive: rootMfa,
            passwordEnabled: rootPassword,
            passwordLastUsedAt: rootPasswordLastUsedAt,
            hasActiveAccessKey: rootActiveKey,
          },
  };
}
