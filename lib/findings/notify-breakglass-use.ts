import type { TransactionClient } from "../db";
import { enqueueNotification } from "../notify";

/**
 * Break-glass use outside a checkout is the one finding people must hear of at once: each one that
 * opens or reopens queues a notification to every approver, in the evaluation's transaction.
 */
export async function notifyBreakglassUse(tx: TransactionClient, openedIds: readonly number[], occurredAt: Date): Promise<void> {
  if (openedIds.length === 0) return;
  const findings = await tx.finding.findMany({
    where: { id: { in: [...openedIds] }, rule: "BREAKGLASS_USED_WITHOUT_CHECKOUT" },
    select: { id: true, title: true, accountId: true, resourceArn: true },
  });
  for (const finding of findings) {
    await enqueueNotification(tx, {
      kind: "breakglass.used_outside_window",
      audience: "approvers",
      occurredAt,
      actor: "system",
      facts: { findingId: finding.id, title: finding.title, accountId: finding.accountId, resourceArn: finding.resourceArn },
      linkPath: `/findings/${finding.id}`,
    });
  }
}
