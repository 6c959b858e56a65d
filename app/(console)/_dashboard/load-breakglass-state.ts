import {
  findLiveCheckouts,
  listDrillFailures,
  listRotationProblems,
  type CheckoutView,
  type DrillFailure,
  type RotationProblem,
} from "@/lib/breakglass";
import type { PrismaClient } from "@/lib/db";
import { listFindings } from "@/lib/findings";
import { listNotificationFailures, type NotificationFailure } from "@/lib/notify";
import { listCredentials } from "@/lib/vault";

/** Break-glass use outside any approved checkout window: a finding rule, open until resolved. */
export const OUT_OF_WINDOW_RULE = "BREAKGLASS_USED_WITHOUT_CHECKOUT";

export type BreakglassState = {
  rotationProblems: RotationProblem[];
  drillFailures: DrillFailure[];
  notificationFailures: NotificationFailure[];
  /** live checkouts past the request: approved, emergency, active (returned/expired/pending are rotation problems) */
  openCheckouts: CheckoutView[];
  pendingRequests: number;
  credentials: number;
  /** the newest rotation of any registered credential; null when none was ever rotated */
  lastRotationAt: Date | null;
  /** open BREAKGLASS_USED_WITHOUT_CHECKOUT findings */
  outOfWindowAlerts: number;
};

export async function loadBreakglassState(db: PrismaClient, now: Date = new Date()): Promise<BreakglassState> {
  const [rotationProblems, drillFailures, notificationFailures, live, credentials, outOfWindow] = await Promise.all([
    listRotationProblems(db),
    listDrillFailures(db),
    listNotificationFailures(db, { limit: 20 }),
    findLiveCheckouts(db),
    listCredentials(db),
    listFindings(db, { status: "open", rule: OUT_OF_WINDOW_RULE, pageSize: 1 }, now),
  ]);
  const rotations = credentials.map((c) => c.rotatedAt?.getTime() ?? 0).filter((t) => t > 0);
  return {
    rotationProblems,
    drillFailures,
    notificationFailures,
    openCheckouts: live.filter((c) => c.status === "approved" || c.status === "emergency" || c.status === "active"),
    pendingRequests: live.filter((c) => c.status === "requested").length,
    credentials: credentials.length,
    lastRotationAt: rotations.length > 0 ? new Date(Math.max(...rotations)) : null,
    outOfWindowAlerts: outOfWindow.total,
  };
}
