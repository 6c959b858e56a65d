import type { Db } from "../db";
import type { Tags } from "../aws";
import { ACCOUNT_COLUMNS } from "./find-accounts";
import { sql, visible } from "./sql";

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

/** One account as of a snapshot, with its root user's credential posture; null if absent then. */
export async function getAccount(db: Db, snapshotId: number, accountId: string): Promise<AccountDetail | null> {
  const rows = await db.$queryRaw<AccountDetailRow[]>(sql`
    SELECT ${ACCOUNT_COLUMNS}, a.data->>'arn' AS arn, a.data->>'joinedMethod' AS "joinedMethod",
      (r.data->>'mfaActive')::boolean AS "rootMfa",
      (r.data->>'passwordEnabled')::boolean AS "rootPassword",
      r.data->>'passwordLastUsedAt' AS "rootPasswordLastUsedAt",
      CASE WHEN r.id IS NULL THEN NULL ELSE
        coalesce((r.data#>>'{accessKeys,0,active}')::boolean, false)
        OR coalesce((r.data#>>'{accessKeys,1,active}')::boolean, false) END AS "rootActiveKey"
    FROM "EntityVersion" a
    LEFT JOIN "EntityVersion" r ON ${visible("r", "IAM_CREDENTIAL", snapshotId)}
      AND r."accountId" = a."naturalKey" AND (r.data->>'isRoot')::boolean
    WHERE ${visible("a", "ACCOUNT", snapshotId)} AND a."naturalKey" = ${accountId}
    LIMIT 1`);
  const row = rows[0];
  if (!row) return null;
  const { rootMfa, rootPassword, rootPasswordLastUsedAt, rootActiveKey, ...account } = row;
  return {
    ...account,
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
