import type { Db, Prisma } from "../db";
import { fromDbStatus, toDbStatus } from "./checkout-row";
import { LIVE_STATUSES, type Checkout, type CheckoutStatus } from "./checkout-types";

// Read models for the break-glass pages: only non-secret columns (the checkout tables hold no secret).

/** A checkout as the pages show it: the machine's view of it less who approved and reviewed by id (names suffice). */
export type CheckoutView = Omit<Checkout, "approverId" | "reviewerId"> & { id: string };

export type TransitionView = {
  id: string;
  event: string;
  from: CheckoutStatus | null;
  to: CheckoutStatus;
  actorName: string;
  at: Date;
};

const CHECKOUT_SELECT = {
  id: true,
  credentialId: true,
  status: true,
  requesterId: true,
  requesterName: true,
  reason: true,
  reference: true,
  durationMinutes: true,
  isEmergency: true,
  isReviewRequired: true,
  requestedAt: true,
  requestExpiresAt: true,
  approverName: true,
  approvedAt: true,
  approvalExpiresAt: true,
  revealedAt: true,
  expiresAt: true,
  endedAt: true,
  rotationAttempts: true,
  nextRotationAt: true,
  rotationError: true,
  rotatedAt: true,
  reviewerName: true,
  reviewedAt: true,
  note: true,
} as const;

type SelectedRow = Omit<CheckoutView, "status"> & { status: Prisma.CheckoutStatus };
const toView = (row: SelectedRow): CheckoutView => ({ ...row, status: fromDbStatus(row.status) });

/** Newest first, at most `limit`: the history list and the queues read from it. */
export async function findRecentCheckouts(db: Db, limit = 200): Promise<CheckoutView[]> {
  const rows = await db.checkout.findMany({ select: CHECKOUT_SELECT, orderBy: [{ requestedAt: "desc" }, { id: "asc" }], take: limit });
  return rows.map(toView);
}

/** Every checkout that holds its credential (requested … rotation-pending), whatever its age. */
export async function findLiveCheckouts(db: Db): Promise<CheckoutView[]> {
  const rows = await db.checkout.findMany({
    select: CHECKOUT_SELECT,
    where: { status: { in: LIVE_STATUSES.map(toDbStatus) } },
    orderBy: [{ requestedAt: "asc" }, { id: "asc" }],
    take: 1000,
  });
  return rows.map(toView);
}

/** A checkout with its state history, oldest step first; null when there is no such checkout. */
export async function getCheckoutWithHistory(
  db: Db,
  id: string,
): Promise<{ checkout: CheckoutView; transitions: TransitionView[] } | null> {
  const row = await db.checkout.findUnique({
    where: { id },
    select: {
      ...CHECKOUT_SELECT,
      transitions: {
        select: { id: true, event: true, fromStatus: true, toStatus: true, actorName: true, at: true },
        orderBy: { id: "asc" },
      },
    },
  });
  if (!row) return null;
  const { transitions, ...checkout } = row;
  return {
    checkout: toView(checkout),
    transitions: transitions.map((t) => ({
      id: String(t.id),
      event: t.event,
      from: t.fromStatus ? fromDbStatus(t.fromStatus) : null,
      to: fromDbStatus(t.toStatus),
      actorName: t.actorName,
      at: t.at,
    })),
  };
}
