import { listDrillFailures, listRotationProblems, type DrillFailure, type RotationProblem } from "@/lib/breakglass";
import type { PrismaClient } from "@/lib/db";
import { listNotificationFailures, type NotificationFailure } from "@/lib/notify";
import { findLiveCheckouts, type CheckoutView } from "@/lib/breakglass";

export type BreakglassState = {
  rotationProblems: RotationProblem[];
  drillFailures: DrillFailure[];
  notificationFailures: NotificationFailure[];
  /** live checkouts past the request: approved, emergency, active (returned/expired/pending are rotation problems) */
  openCheckouts: CheckoutView[];
  pendingRequests: number;
};

export async function loadBreakglassState(db: PrismaClient): Promise<BreakglassState> {
  const [rotationProblems, drillFailures, notificationFailures, live] = await Promise.all([
    listRotationProblems(db),
    listDrillFailures(db),
    listNotificationFailures(db, { limit: 20 }),
    findLiveCheckouts(db),
  ]);
  return {
    rotationProblems,
    drillFailures,
    notificationFailures,
    openCheckouts: live.filter((c) => c.status === "approved" || c.status === "emergency" || c.status === "active"),
    pendingRequests: live.filter((c) => c.status === "requested").length,
  };
}
