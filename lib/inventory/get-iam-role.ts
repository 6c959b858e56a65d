import type { Db } from "../db";
import type { IamRole, ManagedPolicyRef, NamedPolicy, PolicyDocument, Tags } from "../aws";
import { sql } from "../snapshot";
import { role, ROLE_COLUMNS, roleFrom, type IamRoleRow } from "./find-iam-roles";

export interface IamRoleDetail extends IamRoleRow {
  roleId: string;
  description: string | null;
  trustPolicy: PolicyDocument | null;
  inlinePolicies: NamedPolicy[];
  attachedManagedPolicies: ManagedPolicyRef[];
  permissionsBoundaryArn: string | null;
  tags: Tags;
  lastUsedRegion: string | null;
  instanceProfileArns: string[];
  /** the snapshot that first saw this version of the role */
  versionValidFrom: number;
}

type Row = IamRoleRow & { data: IamRole; validFrom: number };

/** One role as of a snapshot, with its trust and permission policies; null if absent then. */
export async function getIamRole(db: Db, snapshotId: number, arn: string): Promise<IamRoleDetail | null> {
  const rows = await db.$queryRaw<Row[]>(sql`
    SELECT ${ROLE_COLUMNS}, ${role.data}, ${role.validFrom} AS "validFrom"
    FROM ${roleFrom(snapshotId)}
    WHERE ${role.asOf(snapshotId)} AND ${role.naturalKey} = ${arn}
    LIMIT 1`);
  const row = rows[0];
  if (!row) return null;
  const { data, validFrom, ...summary } = row;
  // Picked field by field: `data` is whatever the collector stored, and pages must only see this shape.
  return {
    ...summary,
    roleId: data.roleId,
    description: data.description ?? null,
    trustPolicy: data.trustPolicy ?? null,
    inlinePolicies: (data.inlinePolicies ?? []).map(({ name, document, rawDocument }) => ({ name, document, rawDocument })),
    attachedManagedPolicies: (data.attachedManagedPolicies ?? []).map(({ name, arn }) => ({ name, arn })),
    permissionsBoundaryArn: data.permissionsBoundaryArn ?? null,
    tags: data.tags ?? {},
    lastUsedRegion: data.lastUsedRegion ?? null,
    instanceProfileArns: data.instanceProfileArns ?? [],
    versionValidFrom: validFrom,
  };
}
