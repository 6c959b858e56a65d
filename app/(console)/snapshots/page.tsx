import Link from "next/link";
import { findSnapshotHistory, snapshotListParams, type SnapshotHistoryRow } from "@/lib/inventory";
import { Badge, SnapshotStatusBadge } from "../_components/badges";
import { DataTable, type Column } from "../_components/data-table";
import { SelectFilter } from "../_components/filter-form";
import { formatDateTime, formatDurationMs } from "../_components/format";
import { PageHeader } from "../_components/page-header";
import { NoSnapshotYet, PageState } from "../_components/page-state";
import type { RawSearchParams } from "../_components/url";
import { parsePage } from "../_data/open-inventory-page";

const PATH = "/snapshots";
const STATUSES = ["COMPLETE", "PARTIAL", "FAILED", "RUNNING"].map((s) => ({ value: s, label: s }));
const SOURCES = [
  { value: "LIVE", label: "Live collection" },
  { value: "IMPORT", label: "Import" },
];

const COLUMNS: Array<Column<SnapshotHistoryRow>> = [
  {
    key: "id",
    header: "Snapshot",
    sortable: true,
    render: (s) => (
      <>
        <Link href={`${PATH}/${s.id}`}>#{s.id}</Link>
        <br />
        <small className="inv-muted">as of {formatDateTime(s.asOf)}</small>
      </>
    ),
  },
  {
    key: "status",
    header: "Status",
    render: (s) => (
      <>
        <SnapshotStatusBadge status={s.status} />
        {s.failure ? <div className="error">{s.failure}</div> : null}
      </>
    ),
  },
  { key: "source", header: "Source", render: (s) => (s.source === "LIVE" ? "live" : "import") },
  { key: "startedAt", header: "Started", render: (s) => formatDateTime(s.startedAt) },
  { key: "durationMs", header: "Duration", sortable: true, render: (s) => formatDurationMs(s.durationMs) },
  { key: "entities", header: "Entities", render: (s) => s.entitiesSeen ?? "—" },
  { key: "versions", header: "Versions written", render: (s) => s.versionsWritten ?? "—" },
  { key: "errors", header: "Errors", sortable: true, render: (s) => (s.errorCount ? <Badge tone="warn">{s.errorCount}</Badge> : 0) },
];

export default async function SnapshotsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const page = await parsePage(snapshotListParams, searchParams);
  if (page.state === "invalid") return <PageState title="Snapshots" path={PATH} problem={page} />;
  const { db, params, query } = page;
  const snapshots = await findSnapshotHistory(db, params);
  const isFiltered = params.status !== undefined || params.source !== undefined;
  return (
    <>
      <PageHeader title="Snapshots" />
      <DataTable
        columns={COLUMNS}
        page={snapshots}
        rowKey={(s) => String(s.id)}
        path={PATH}
        query={query}
        empty={isFiltered ? undefined : <NoSnapshotYet />}
        filters={
          <>
            <SelectFilter name="status" label="Status" value={params.status} options={STATUSES} />
            <SelectFilter name="source" label="Source" value={params.source} options={SOURCES} />
          </>
        }
      />
    </>
  );
}
