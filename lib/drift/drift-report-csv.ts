import { csvLine } from "../csv";
import type { DriftReportSummary } from "./drift-report";
import type { ChangeEvent } from "./who-changed";

export const DRIFT_REPORT_CSV_COLUMNS = [
  "fromSnapshotId",
  "toSnapshotId",
  "section",
  "change",
  "subject",
  "accountId",
  "accountName",
  "permissionSet",
  "roleArn",
  "detail",
  "changedBy",
  "changedAt",
  "link",
] as const;

/** Who made a write: for an Identity Center session, the person; else the caller's ARN or user name. */
export function changeActor(event: ChangeEvent): string {
  return event.identityCenterUser ?? event.actorArn ?? event.actorUserName ?? "unknown caller";
}

/**
 * The report as one RFC 4180 table (CRLF, header first), one row per path, change or finding, each
 * naming both snapshots. Cells a spreadsheet would run as formulas are neutralised (lib/csv).
 */
export function* driftReportCsvLines(report: DriftReportSummary): Generator<string> {
  const ids = [report.from.id, report.to.id];
  yield csvLine(DRIFT_REPORT_CSV_COLUMNS);
  for (const [change, paths] of [
    ["added", report.access.added],
    ["removed", report.access.removed],
  ] as const) {
    for (const path of paths) {
      yield csvLine([
        ...ids,
        "access",
        change,
        path.email ?? path.userName,
        path.accountId,
        path.accountName,
        path.permissionSetName,
        path.roleArn,
        path.via,
        "",
        "",
        `/access?principal=${encodeURIComponent(path.email ?? path.userName)}&accountId=${path.accountId}`,
      ]);
    }
  }
  for (const [section, changes] of [
    ["trust", report.trustChanges],
    ["permission-set", report.permissionSetChanges],
  ] as const) {
    for (const change of changes) {
      const detail = change.changes.map((c) => `${c.kind} ${c.path || "(value)"}`).join("; ");
      const events = change.whoChanged.length > 0 ? change.whoChanged : [null];
      for (const event of events) {
        yield csvLine([
          ...ids,
          section,
          change.change,
          change.label,
          change.accountId,
          "",
          section === "permission-set" ? change.label : "",
          section === "trust" ? change.naturalKey : "",
          detail,
          event ? `${changeActor(event)} (${event.eventName})` : "",
          event ? event.eventTime.toISOString() : "",
          `/drift?from=${report.from.id}&to=${report.to.id}`,
        ]);
      }
    }
  }
  for (const finding of [...report.findings.opened, ...report.findings.resolved]) {
    yield csvLine([
      ...ids,
      "finding",
      finding.change,
      finding.title,
      finding.accountId,
      "",
      "",
      "",
      `${finding.severity} ${finding.rule} ${finding.resourceArn}`,
      "",
      finding.at.toISOString(),
      `/findings/${finding.findingId}`,
    ]);
  }
}

export function driftReportCsv(report: DriftReportSummary): string {
  return [...driftReportCsvLines(report)].join("");
}
