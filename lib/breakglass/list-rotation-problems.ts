import type { Db } from "../db";
import { toDbStatus, toStoredCheckout, type StoredCheckout } from "./checkout-row";

export type RotationProblem = {
  checkoutId: string;
  credentialId: string;
  /** always critical: a secret someone saw may still work in AWS */
  severity: "critical";
  status: "rotation-pending" | "returned" | "expired";
  attempts: number;
  error: string | null;
  nextRotationAt: Date | null;
  endedAt: Date | null;
};

/** Grace before a returned or expired checkout that was not rotated yet counts as a problem. */
const UNROTATED_GRACE_MS = 10 * 60_000;

/**
 * For the dashboard: every checkout whose credential has not been rotated since someone saw it —
 * pending rotations, and returned/expired ones the worker has not reached for over ten minutes.
 */
export async function listRotationProblems(db: Db, now: Date = new Date()): Promise<RotationProblem[]> {
  const rows = await db.checkout.findMany({
    where: {
      OR: [
        { status: toDbStatus("rotation-pending") },
        { status: { in: [toDbStatus("returned"), toDbStatus("expired")] }, endedAt: { lt: new Date(now.getTime() - UNROTATED_GRACE_MS) } },
      ],
    },
    orderBy: { endedAt: "asc" },
    take: 500,
  });
  return rows.map(toStoredCheckout).map((c: StoredCheckout) => ({
    checkoutId: c.id,
    credentialId: c.credentialId,
    severity: "critical",
    status: c.status as RotationProblem["status"],
    attempts: c.rotationAttempts,
    error: c.rotationError,
    nextRotationAt: c.nextRotationAt,
    endedAt: c.endedAt,
  }));
}

/** Checkouts whose rotation is due (returned, expired, or pending with its back-off elapsed). */
export async function findDueRotations(db: Db, now: Date = new Date(), limit = 50): Promise<string[]> {
  const rows = await db.checkout.findMany({
    where: {
      status: { in: (["returned", "expired", "rotation-pending"] as const).map(toDbStatus) },
      nextRotationAt: { lte: now },
    },
    select: { id: true },
    orderBy: { nextRotationAt: "asc" },
    take: limit,
  });
  return rows.map((row) => row.id);
}
