import { z } from "zod";
import { APPROVE_TRUST_BASELINE_INPUT, approveTrustBaseline, TRUST_BASELINE_APPROVED } from "@/lib/drift";
import { defineAction } from "../_actions/define-action";

export type ApproveBaselineResult = { message: string };

export const approveBaseline = defineAction({
  name: "approveTrustBaseline",
  permission: "trust-baseline:approve",
  input: z.object({ roleArn: APPROVE_TRUST_BASELINE_INPUT.shape.roleArn, snapshotId: z.coerce.number().int().positive() }),
  audit: { recordedBy: "audit-trail", action: TRUST_BASELINE_APPROVED },
  revalidate: ["/drift", "/findings"],
  handler: async ({ db, user, input, meta, requestId }): Promise<ApproveBaselineResult> => {
    const approver = { id: user.id, name: user.displayName, authMethod: user.method };
    const approved = await approveTrustBaseline(db, { ...input, approver, requestId, clientAddress: meta.ip });
    return { message: `Approved as baseline by ${approved.approvedBy}.` };
  },
});
