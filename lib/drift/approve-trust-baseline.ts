import { z } from "zod";
import { recordAudit, userActor } from "../audit";
import type { PolicyDocument } from "../aws";
import type { Db, PrismaTypes, TransactionClient } from "../db";
import { entityAlias, sql } from "../snapshot";
import { noTrustPolicy, roleNotInSnapshot } from "./drift-errors";
import { getReadableSnapshotOrThrow } from "./readable-snapshot";

export const APPROVE_TRUST_BASELINE_INPUT = z.object({
  roleArn: z
    .string()
    .max(2048)
    .regex(/^arn:[\w-]+:iam::\d{12}:role\/\S+$/, "must be an IAM role ARN"),
  snapshotId: z.number().int().positive(),
  /** the signed-in Vigil user approving (an `approver`: the caller checks) */
  approver: z.object({ id: z.string().min(1).max(200), name: z.string().min(1).max(200), authMethod: z.enum(["LOCAL", "OIDC"]) }),
  /** for the audit entry */
  requestId: z.string().max(100).nullish(),
  clientAddress: z.string().max(100).nullish(),
});

export type ApproveTrustBaselineInput = z.input<typeof APPROVE_TRUST_BASELINE_INPUT>;

export interface ApprovedTrustBaseline {
  id: number;
  roleArn: string;
  snapshotId: number;
  approvedBy: string;
  approvedAt: Date;
}

/** The audit-trail action an approval records. */
export const TRUST_BASELINE_APPROVED = "trust_baseline.approved";

/**
 * Records that the role's trust policy as snapshot `snapshotId` saw it is the expected one. The
 * document is copied from that version, so what was approved stays on record whatever the role
 * becomes; the approval and its audit-trail entry commit together. Refused when the snapshot is
 * unreadable or the role has no version (or no readable trust policy) in it. Who may approve is
 * the caller's check (the `approver` role).
 */
export async function approveTrustBaseline(db: Db, input: ApproveTrustBaselineInput): Promise<ApprovedTrustBaseline> {
  const { roleArn, snapshotId, approver, requestId, clientAddress } = APPROVE_TRUST_BASELINE_INPUT.parse(input);
  await getReadableSnapshotOrThrow(db, snapshotId);
  const v = entityAlias("IAM_ROLE", "v");
  const [version] = await db.$queryRaw<Array<{ trustPolicy: PolicyDocument | null }>>(sql`
    SELECT ${v.json("trustPolicy")} AS "trustPolicy" FROM ${v.table} WHERE ${v.asOf(snapshotId)} AND ${v.naturalKey} = ${roleArn}`);
  if (!version) throw roleNotInSnapshot(roleArn, snapshotId);
  const document = version.trustPolicy;
  if (!document) throw noTrustPolicy(roleArn, snapshotId);

  const approve = async (tx: TransactionClient) => {
    const row = await tx.trustPolicyBaseline.create({
      // Read from a jsonb column a moment ago, so it is JSON whatever its static type says.
      data: {
        roleArn,
        snapshotId,
        document: document as PrismaTypes.InputJsonObject,
        approvedById: approver.id,
        approvedByName: approver.name,
      },
    });
    await recordAudit(tx, {
      actor: userActor({ id: approver.id, displayName: approver.name, method: approver.authMethod }),
      action: TRUST_BASELINE_APPROVED,
      target: { type: "iam_role", id: roleArn, label: roleArn.slice(roleArn.lastIndexOf("/") + 1) },
      detail: { snapshotId, baselineId: row.id },
      requestId,
      clientAddress,
    });
    return { id: row.id, roleArn, snapshotId, approvedBy: row.approvedByName, approvedAt: row.approvedAt };
  };
  return "$transaction" in db && typeof db.$transaction === "function"
    ? db.$transaction(approve, { maxWait: 10_000, timeout: 15_000 })
    : approve(db);
}
