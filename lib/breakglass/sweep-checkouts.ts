import type { PrismaClient } from "../db";
import { applyCheckoutEvent } from "./apply-checkout-event";
import { CheckoutRefusedError } from "./checkout-errors";
import { toDbStatus } from "./checkout-row";

export const SCHEDULER_ACTOR = { type: "system", name: "breakglass-scheduler" } as const;

export type SweepSummary = { expired: string[]; lapsed: string[]; skipped: number };

/**
 * The scheduler's part of the machine: active checkouts past their countdown expire (their
 * rotation becomes due), and requests not approved — or approvals not used — in time lapse.
 * Each is its own transaction; one that changed meanwhile (returned at the last second) is skipped.
 */
export async function sweepCheckouts(db: PrismaClient, now: Date = new Date()): Promise<SweepSummary> {
  const [overdue, stale] = await Promise.all([
    db.checkout.findMany({ where: { status: toDbStatus("active"), expiresAt: { lte: now } }, select: { id: true }, take: 500 }),
    db.checkout.findMany({
      where: {
        OR: [
          { status: toDbStatus("requested"), requestExpiresAt: { lte: now } },
          { status: { in: [toDbStatus("approved"), toDbStatus("emergency")] }, approvalExpiresAt: { lte: now } },
        ],
      },
      select: { id: true },
      take: 500,
    }),
  ]);
  const summary: SweepSummary = { expired: [], lapsed: [], skipped: 0 };
  const apply = async (id: string, type: "expire" | "lapse") => {
    try {
      await db.$transaction((tx) => applyCheckoutEvent(tx, id, { type, at: now }, { actor: SCHEDULER_ACTOR }));
      (type === "expire" ? summary.expired : summary.lapsed).push(id);
    } catch (error) {
      if (!(error instanceof CheckoutRefusedError)) throw error;
      summary.skipped++;
    }
  };
  for (const { id } of overdue) await apply(id, "expire");
  for (const { id } of stale) await apply(id, "lapse");
  return summary;
}
