import type { Db } from "../db";
import type { ManagedPolicyRef, NamedPolicy, PermissionSet, PermissionsBoundaryRef, Tags } from "../aws";
import { entityAlias, sql } from "../snapshot";

export interface PermissionSetDetail {
  arn: string;
  name: string;
  description: string | null;
  createdAt: string | null;
  sessionDuration: string | null;
  relayState: string | null;
  awsManagedPolicies: ManagedPolicyRef[];
  customerManagedPolicies: Array<{ name: string; path: string }>;
  inlinePolicy: NamedPolicy | null;
  permissionsBoundary: PermissionsBoundaryRef | null;
  tags: Tags | null;
  /** null when the provisioned accounts could not be read */
  provisionedAccounts: Array<{ id: string; name: string | null }> | null;
  assignmentCount: number;
}

const permissionSet = entityAlias("PERMISSION_SET", "p");
const assignment = entityAlias("ACCOUNT_ASSIGNMENT", "s");
const account = entityAlias("ACCOUNT", "a");

type Row = { data: PermissionSet; assignmentCount: number; accountNames: Record<string, string> | null };

/** One permission set as of a snapshot with its policies and where it is provisioned; null if absent then. */
export async function getPermissionSet(db: Db, snapshotId: number, arn: string): Promise<PermissionSetDetail | null> {
  const rows = await db.$queryRaw<Row[]>(sql`
    SELECT ${permissionSet.data},
      (SELECT count(*)::int FROM ${assignment.table} WHERE ${assignment.asOf(snapshotId)}
        AND ${assignment.text("permissionSetArn")} = ${permissionSet.naturalKey}) AS "assignmentCount",
      (SELECT jsonb_object_agg(${account.naturalKey}, ${account.text("name")}) FROM ${account.table}
        WHERE ${account.asOf(snapshotId)}
          AND ${account.naturalKey} IN (SELECT jsonb_array_elements_text(
            CASE WHEN jsonb_typeof(${permissionSet.json("provisionedAccountIds")}) = 'array' THEN ${permissionSet.json("provisionedAccountIds")} END))
      ) AS "accountNames"
    FROM ${permissionSet.table}
    WHERE ${permissionSet.asOf(snapshotId)} AND ${permissionSet.naturalKey} = ${arn}
    LIMIT 1`);
  const row = rows[0];
  if (!row) return null;
  const { data } = row;
  const names = row.accountNames ?? {};
  const boundary = data.permissionsBoundary;
  const inline = data.inlinePolicy;
  return {
    arn: data.arn,
    name: data.name,
    description: data.description ?? null,
    createdAt: data.createdAt ?? null,
    sessionDuration: data.sessionDuration ?? null,
    relayState: data.relayState ?? null,
    awsManagedPolicies: (data.awsManagedPolicies ?? []).map(({ name, arn }) => ({ name, arn })),
    customerManagedPolicies: (data.customerManagedPolicies ?? []).map(({ name, path }) => ({ name, path })),
    inlinePolicy: inline ? { name: inline.name, document: inline.document, rawDocument: inline.rawDocument } : null,
    permissionsBoundary: boundary
      ? { managedPolicyArn: boundary.managedPolicyArn, customerManagedPolicy: boundary.customerManagedPolicy }
      : null,
    tags: data.tags ?? null,
    provisionedAccounts: data.provisionedAccountIds
      ? [...data.provisionedAccountIds].sort().map((id) => ({ id, name: names[id] ?? null }))
      : null,
    assignmentCount: row.assignmentCount,
  };
}
