import { recordAudit, type AuditActor } from "../audit";
import type { PrismaClient } from "../db";
import { enqueueNotification } from "../notify";
import type { DriftReportSummary } from "./drift-report";

/** The report page of these two snapshots: where the mail and the webhook point (PDF and CSV download there). */
export function driftReportPath(report: Pick<DriftReportSummary, "from" | "to">): string {
  return `/drift/report?since=${report.from.id}&until=${report.to.id}`;
}

/**
 * Queues the report's summary for its subscribers through lib/notify's outbox (webhook, and e-mail
 * to `subscribers` and VIGIL_NOTIFY_EMAIL_TO): the counts and a link to the report's page, where
 * the PDF and CSV are downloaded (the outbox sends plain text, without attachments). A channel
 * that is not configured is recorded as such by the outbox, not as a failure. The send is an audit
 * entry in the same transaction.
 */
export async function sendDriftReport(
  db: PrismaClient,
  input: { report: DriftReportSummary; subscribers: string[]; actor: AuditActor },
): Promise<{ notificationId: string }> {
  const { report, subscribers } = input;
  const { counts } = report;
  return db.$transaction(async (tx) => {
    const notification = await enqueueNotification(tx, {
      kind: "drift.report",
      occurredAt: report.generatedAt,
      audience: "subscribers",
      driftReport: { fromSnapshotId: report.from.id, toSnapshotId: report.to.id, subscribers },
      actor: "system",
      facts: {
        Period: `${report.from.asOf.toISOString()} → ${report.to.asOf.toISOString()}`,
        "New access paths": counts.newPaths,
        "Removed access paths": counts.removedPaths,
        "Trust policy changes": counts.trustChanges,
        "Permission set changes": counts.permissionSetChanges,
        "Findings opened": counts.findingsOpened,
        "Findings resolved": counts.findingsResolved,
        Downloads: "PDF and CSV on the report page",
      },
      linkPath: driftReportPath(report),
    });
    await recordAudit(tx, {
      actor: input.actor,
      action: "export.created",
      target: { type: "drift-report", id: `${report.from.id}-${report.to.id}`, label: `drift report ${report.from.id} → ${report.to.id}` },
      detail: {
        format: "summary",
        destination: "notification",
        notificationId: notification.id,
        subscribers: subscribers.length,
        fromSnapshotId: report.from.id,
        toSnapshotId: report.to.id,
        basis: report.basis,
        newPaths: counts.newPaths,
        removedPaths: counts.removedPaths,
        trustChanges: counts.trustChanges,
        permissionSetChanges: counts.permissionSetChanges,
        findingsOpened: counts.findingsOpened,
        findingsResolved: counts.findingsResolved,
      },
    });
    return { notificationId: notification.id };
  });
}
