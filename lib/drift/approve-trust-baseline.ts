import { z } from "zod";
import type { PolicyDocument } from "../aws";
import type { Db, PrismaTypes } from "../db";
import { entityAlias, sql } from "../snapshot";
import { noTrustPolicy, roleNotInSnapshot } from "./drift-errors";
import { getReadableSnapshotOrThrow } from "./readable-snapshot";

export const APPROVE_TRUST_BASELINE_INPUT = z.object({
  roleArn: z
    .string()
    .max(2048)
    .regex(/^arn:[\w-]+:iam::\d{12}:role\/\S+$/, "must be an IAM role ARN"),
  snapshotId: z.number().int().positive(),
  approver: z.object({ id: z.string().min(1).max(200), name: z.string().min(1).max(200) }),
});

export type ApproveTrustBaselineInput = z.input<typeof APPROVE_TRUST_BASELINE_INPUT>;

export interface ApprovedTrustBaseline {
  id: number;
  roleArn: string;
  snapshotId: number;
  approvedBy: string;
  approvedAt: Date;
}

/**
 * Records that the role's trust policy as snapshot `snapshotId` saw it is the expected one. The
 * document is copied from that version, so what was approved stays on record whatever the role
 * becomes. Refused when the snapshot is unreadable or the role has no version (or no readable
 * trust policy) in it. Who may approve is the caller's check (the `approver` role).
 */
export async function approveTrustBaseline(db: Db, input: ApproveTrustBaselineInput): Promise<ApprovedTrustBaseline> {
  const { roleArn, snapshotId, approver } = APPROVE_TRUST_BASELINE_INPUT.parse(input);
  await getReadableSnapshotOrThrow(db, snapshotId);
  const v = entityAlias("IAM_ROLE", "v");
  const [version] = await db.$queryRaw<Array<{ trustPolicy: PolicyDocument | null }>>(sql`
    SELECT ${v.json("trustPolicy")} AS "trustPolicy" FROM ${v.table} WHERE ${v.asOf(snapshotId)} AND ${v.naturalKey} = ${roleArn}`);
  if (!version) throw roleNotInSnapshot(roleArn, snapshotId);
  if (!version.trustPolicy) throw noTrustPolicy(roleArn, snapshotId);
  const row = await db.trustPolicyBaseline.create({
    // Read from a jsonb column a moment ago, so it is JSON whatever its static type says.
    data: {
      roleArn,
      snapshotId,
      document: version.trustPolicy as PrismaTypes.InputJsonObject,
      approvedById: approver.id,
      approvedByName: approver.name,
    },
  });
  return { id: row.id, roleArn, snapshotId, approvedBy: row.approvedByName, approvedAt: row.approvedAt };
}
