import type { PrismaClient } from "../db";
import { enqueueNotification } from "../notify";

// The job runs daily; a second run the same day (a retry, a manual run) reminds no one twice.
const MIN_INTERVAL_MS = 20 * 3600_000;

/**
 * One reminder (lib/notify outbox) per reviewer with rows still undecided or pre-filled and
 * unconfirmed, for each open campaign not reminded in the last 20 hours. Unassigned rows remind no one.
 */
export async function sendReviewReminders(db: PrismaClient, now: Date = new Date()): Promise<{ reminded: number }> {
  const campaigns = await db.reviewCampaign.findMany({
    where: { status: "OPEN", OR: [{ lastRemindedAt: null }, { lastRemindedAt: { lte: new Date(now.getTime() - MIN_INTERVAL_MS) } }] },
    select: { id: true, name: true },
    orderBy: { id: "asc" },
  });
  let reminded = 0;
  for (const campaign of campaigns) {
    reminded += await db.$transaction(async (tx) => {
      const pending = await tx.reviewItem.groupBy({
        by: ["reviewerEmail"],
        where: {
          campaignId: campaign.id,
          reviewerEmail: { not: null },
          change: { not: "REMOVED" },
          OR: [{ decision: null }, { decisionPrefilled: true }],
        },
        _count: { _all: true },
        orderBy: { reviewerEmail: "asc" },
      });
      for (const group of pending)
        await enqueueNotification(tx, {
          kind: "review.reminder",
          occurredAt: now,
          audience: "reviewer",
          review: { campaignId: campaign.id, campaignName: campaign.name, reviewerEmail: group.reviewerEmail!, pending: group._count._all },
          actor: "system",
        });
      await tx.reviewCampaign.update({ where: { id: campaign.id }, data: { lastRemindedAt: now } });
      return pending.length;
    });
  }
  return { reminded };
}
