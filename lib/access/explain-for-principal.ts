import { z } from "zod";
import type { Db } from "../db";
import { getAccessContext } from "./access-context";
import { resolveAccessSubject } from "./access-subject";
import { explainAccess } from "./explain-access";
import type { AccessExplanation } from "./explain-types";

export const EXPLAIN_ACCESS_INPUT = z.object({
  /** email, user name, group, or IAM role/user ARN */
  principal: z.string().trim().min(1).max(2048),
  /** the role to reach */
  targetRoleArn: z.string().trim().min(1).max(2048),
  snapshotId: z.number().int().positive().optional(),
});

export type ExplainAccessInput = z.input<typeof EXPLAIN_ACCESS_INPUT>;

/** "Why can't I reach it?" on a snapshot (the latest readable one by default). */
export async function getAccessExplanation(db: Db, input: ExplainAccessInput): Promise<AccessExplanation> {
  const { principal, targetRoleArn, snapshotId } = EXPLAIN_ACCESS_INPUT.parse(input);
  const context = await getAccessContext(db, snapshotId);
  const subject = resolveAccessSubject(context.state, context.graph, principal);
  return { ...explainAccess(context.state, context.graph, subject, targetRoleArn), snapshotId: context.snapshotId };
}
