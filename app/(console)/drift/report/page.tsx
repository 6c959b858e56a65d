import Link from "next/link";
import { buildDriftReport, DriftError, type DriftReportSummary } from "@/lib/drift";
import { getSnapshotView, type SnapshotRef } from "@/lib/inventory";
import { formatDateTime } from "../../_components/format";
import { PageHeader } from "../../_components/page-header";
import { NoSnapshotYet, PageState } from "../../_components/page-state";
import type { RawSearchParams } from "../../_components/url";
import { parsePage } from "../../_data/open-inventory-page";
import "../drift.css";
import "./report.css";
import { driftReportParams, reportQuery } from "./report-params";
import { DriftPickers } from "../drift-pickers";
import { AccessPathSection, ChangeSection, FindingSection } from "./report-sections";

const PATH = "/drift/report";

const BASIS: Record<DriftReportSummary["basis"], string> = {
  given: "as chosen",
  "previous-campaign": "since the previous review campaign's snapshot",
  "previous-week": "since the last snapshot at least a week older",
  oldest: "since the oldest snapshot (none is a week older)",
};

export default async function DriftReportPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const page = await parsePage(driftReportParams, searchParams);
  if (page.state === "invalid") return <PageState title="Drift report" path={PATH} problem={page} />;
  const { db, params } = page;
  const view = await getSnapshotView(db);
  if (view.state !== "ready") {
    return (
      <>
        <PageHeader title="Drift report" />
        <NoSnapshotYet />
      </>
    );
  }
  let report: DriftReportSummary;
  try {
    report = await buildDriftReport(db, { since: params.since, until: params.until });
  } catch (error) {
    if (!(error instanceof DriftError)) throw error;
    return (
      <>
        <PageHeader title="Drift report" />
        <div className="inv-notice inv-error" role="alert">
          <strong>No report for these snapshots.</strong>
          <p>{error.message}</p>
        </div>
      </>
    );
  }
  const { from, to, counts } = report;
  const summary: Array<[string, string, number]> = [
    ["new-paths", "New access paths", counts.newPaths],
    ["removed-paths", "Removed access paths", counts.removedPaths],
    ["trust-changes", "Trust policy changes", counts.trustChanges],
    ["permission-set-changes", "Permission set changes", counts.permissionSetChanges],
    ["findings-opened", "Findings opened", counts.findingsOpened],
    ["findings-resolved", "Findings resolved", counts.findingsResolved],
  ];
  return (
    <>
      <PageHeader title="Drift report">
        <DriftPickers purpose="report" fromId={from.id} toId={to.id} options={withChosen(view.options, [from, to])} />
      </PageHeader>
      <p className="inv-muted">
        From snapshot <Link href={`/snapshots/${from.id}`}>#{from.id}</Link> ({formatDateTime(from.asOf)}) to{" "}
        <Link href={`/snapshots/${to.id}`}>#{to.id}</Link> ({formatDateTime(to.asOf)}), {BASIS[report.basis]}
        {report.campaignId !== null ? (
          <>
            {" "}
            (<Link href={`/reviews/${report.campaignId}`}>campaign #{report.campaignId}</Link>)
          </>
        ) : null}
        . Every entity change is on <Link href={`/drift?from=${from.id}&to=${to.id}`}>the full drift</Link> ({counts.entities.added} added,{" "}
        {counts.entities.removed} removed, {counts.entities.changed} changed).
      </p>
      <p>
        Download: <a href={`/drift/report/export?${reportQuery(from.id, to.id, "pdf")}`}>PDF</a> ·{" "}
        <a href={`/drift/report/export?${reportQuery(from.id, to.id, "csv")}`}>CSV</a> ·{" "}
        <a href={`/drift/report/export?${reportQuery(from.id, to.id, "json")}`}>JSON</a>
      </p>
      <dl className="drift-report-counts" aria-label="summary">
        {summary.map(([id, label, count]) => (
          <div key={id}>
            <dt>{label}</dt>
            <dd>
              <a href={`#${id}`} data-testid={`count-${id}`}>
                {count}
              </a>
            </dd>
          </div>
        ))}
      </dl>
      <AccessPathSection id="new-paths" title="New access paths" paths={report.access.added} snapshotId={to.id} />
      <AccessPathSection id="removed-paths" title="Removed access paths" paths={report.access.removed} snapshotId={from.id} />
      <ChangeSection id="trust-changes" title="Trust policy changes" changes={report.trustChanges} fromId={from.id} toId={to.id} />
      <ChangeSection
        id="permission-set-changes"
        title="Permission set changes"
        changes={report.permissionSetChanges}
        fromId={from.id}
        toId={to.id}
      />
      <FindingSection id="findings-opened" title="Findings opened" findings={report.findings.opened} />
      <FindingSection id="findings-resolved" title="Findings resolved" findings={report.findings.resolved} />
      {report.whoChangedTruncated ? (
        <p className="inv-muted">Who changed it was looked up for the first 500 changed entities only.</p>
      ) : null}
    </>
  );
}

function withChosen(options: SnapshotRef[], chosen: SnapshotRef[]): SnapshotRef[] {
  const missing = chosen.filter((c) => !options.some((o) => o.id === c.id));
  return [...options, ...missing].sort((a, b) => b.id - a.id);
}
