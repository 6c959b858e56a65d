import { z } from "zod";
import { APPROVE_TRUST_BASELINE_INPUT, approveTrustBaseline } from "@/lib/drift";
import { defineAction } from "../_actions/define-action";

export type ApproveBaselineResult = { message: string };

export const approveBaseline = defineAction({
  name: "approveTrustBaseline",
  permission: "trust-baseline:approve",
  input: z.object({ roleArn: APPROVE_TRUST_BASELINE_INPUT.shape.roleArn, snapshotId: z.coerce.number().int().positive() }),
  audit: { recordedBy: "trust-baseline-history", event: "TRUST_BASELINE_APPROVED" },
  revalidate: ["/drift", "/findings"],
  handler: async ({ db, user, input }): Promise<ApproveBaselineResult> => {
    const approved = await approveTrustBaseline(db, { ...input, approver: { id: user.id, name: user.displayName } });
    return { message: `Approved as baseline by ${approved.approvedBy}.` };
  },
});
