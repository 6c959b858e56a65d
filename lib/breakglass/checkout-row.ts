import type { Prisma, PrismaTypes } from "../db";
import type { Checkout, CheckoutStatus } from "./checkout-types";

type DbStatus = Prisma.CheckoutStatus;
export type CheckoutRow = PrismaTypes.CheckoutModel;

const TO_DB: Record<CheckoutStatus, DbStatus> = {
  requested: "REQUESTED",
  approved: "APPROVED",
  emergency: "EMERGENCY",
  active: "ACTIVE",
  returned: "RETURNED",
  expired: "EXPIRED",
  "rotation-pending": "ROTATION_PENDING",
  rotated: "ROTATED",
  reviewed: "REVIEWED",
  denied: "DENIED",
  cancelled: "CANCELLED",
  "request-expired": "REQUEST_EXPIRED",
};
const FROM_DB = Object.fromEntries(Object.entries(TO_DB).map(([status, db]) => [db, status])) as Record<DbStatus, CheckoutStatus>;

export const toDbStatus = (status: CheckoutStatus): DbStatus => TO_DB[status];
export const fromDbStatus = (status: DbStatus): CheckoutStatus => FROM_DB[status];

/** A persisted checkout: the machine's state plus its row id and version. */
export type StoredCheckout = Checkout & { id: string; version: number };

export function toStoredCheckout(row: CheckoutRow): StoredCheckout {
  const { status, transitions: _transitions, ...rest } = row as CheckoutRow & { transitions?: unknown };
  return { ...rest, status: fromDbStatus(status) };
}

/** The machine's state as row columns (id and version are the wrapper's). */
export function toRowData(checkout: Checkout) {
  return { ...checkout, status: toDbStatus(checkout.status) };
}
