import { CHECKOUT_STATUSES, LIVE_STATUSES, type CheckoutStatus } from "@/lib/breakglass";
import { Prisma, type Db } from "@/lib/db";

// Read models for the break-glass pages. lib/breakglass exports the transitions but no listing of
// checkouts yet; these queries select only non-secret columns (the Checkout tables hold none) and
// belong in lib/breakglass (listCheckouts / getCheckoutHistory) once it offers them.

/** A checkout as the pages show it: every column is a fact a reviewer may read. */
export type CheckoutView = {
  id: string;
  credentialId: string;
  status: CheckoutStatus;
  requesterId: string;
  requesterName: string;
  reason: string;
  reference: string;
  durationMinutes: number;
  isEmergency: boolean;
  isReviewRequired: boolean;
  requestedAt: Date;
  requestExpiresAt: Date;
  approverName: string | null;
  approvedAt: Date | null;
  approvalExpiresAt: Date | null;
  revealedAt: Date | null;
  expiresAt: Date | null;
  endedAt: Date | null;
  rotationAttempts: number;
  nextRotationAt: Date | null;
  rotationError: string | null;
  rotatedAt: Date | null;
  reviewerName: string | null;
  reviewedAt: Date | null;
  note: string | null;
};

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

/** `ROTATION_PENDING` → `rotation-pending`; a value the machine does not know is a bug, not a page state. */
export function toCheckoutStatus(dbStatus: string): CheckoutStatus {
  const status = dbStatus.toLowerCase().replaceAll("_", "-");
  if (!(CHECKOUT_STATUSES as readonly string[]).includes(status)) throw new Error(`unknown checkout status ${dbStatus}`);
  return status as CheckoutStatus;
}

type CheckoutRow = Omit<CheckoutView, "status"> & { status: string };
const toView = (row: CheckoutRow): CheckoutView => ({ ...row, status: toCheckoutStatus(row.status) });

/** Newest first, at most `limit`: the history list and the queues read from it. */
export async function findRecentCheckouts(db: Db, limit = 200): Promise<CheckoutView[]> {
  const rows = await db.checkout.findMany({ select: CHECKOUT_SELECT, orderBy: [{ requestedAt: "desc" }, { id: "asc" }], take: limit });
  return rows.map(toView);
}

function toDbStatus(status: CheckoutStatus): Prisma.CheckoutStatus {
  const dbStatus = status.toUpperCase().replaceAll("-", "_");
  if (!(dbStatus in Prisma.CheckoutStatus)) throw new Error(`no database status for ${status}`);
  return dbStatus as Prisma.CheckoutStatus;
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
      from: t.fromStatus ? toCheckoutStatus(t.fromStatus) : null,
      to: toCheckoutStatus(t.toStatus),
      actorName: t.actorName,
      at: t.at,
    })),
  };
}
