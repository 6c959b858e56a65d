import Link from "next/link";
import { findSnapshotHistory, snapshotListParams } from "@/lib/inventory";
import { Badge, SnapshotStatusBadge } from "../_components/badges";
import { FilterForm, SelectFilter } from "../_components/filter-form";
import { formatDateTime, formatDurationMs } from "../_components/format";
import { NoRows, PageHeader, TableWrap } from "../_components/page-header";
import { NoSnapshotYet, PageState } from "../_components/page-state";
import { Pagination } from "../_components/pagination";
import { sortableHeaders } from "../_components/sortable-header";
import type { RawSearchParams } from "../_components/url";
import { parsePage } from "../_data/open-inventory-page";

const PATH = "/snapshots";
const STATUSES = ["COMPLETE", "PARTIAL", "FAILED", "RUNNING"].map((s) => ({ value: s, label: s }));
const SOURCES = [
  { value: "LIVE", label: "Live collection" },
  { value: "IMPORT", label: "Import" },
];

export default async function SnapshotsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const page = await parsePage(snapshotListParams, searchParams);
  if (page.state === "invalid") return <PageState title="Snapshots" path={PATH} problem={page} />;
  const { db, params, query } = page;
  const snapshots = await findSnapshotHistory(db, params);
  const header = sortableHeaders(PATH, query, params);
  const isFiltered = params.status !== undefined || params.source !== undefined;
  return (
    <>
      <PageHeader title="Snapshots" />
      <FilterForm path={PATH} query={query}>
        <SelectFilter name="status" label="Status" value={params.status} options={STATUSES} />
        <SelectFilter name="source" label="Source" value={params.source} options={SOURCES} />
      </FilterForm>
      {snapshots.total === 0 && !isFiltered ? (
        <NoSnapshotYet />
      ) : (
        <TableWrap>
          <table>
            <thead>
              <tr>
                {header("Snapshot", "id")}
                {header("Status")}
                {header("Source")}
                {header("Started")}
                {header("Duration", "durationMs")}
                {header("Entities")}
                {header("Versions written")}
                {header("Errors", "errors")}
              </tr>
            </thead>
            <tbody>
              {snapshots.rows.map((s) => (
                <tr key={s.id}>
                  <td>
                    <Link href={`${PATH}/${s.id}`}>#{s.id}</Link>
                    <br />
                    <small className="inv-muted">as of {formatDateTime(s.asOf)}</small>
                  </td>
                  <td>
                    <SnapshotStatusBadge status={s.status} />
                    {s.failure ? <div className="error">{s.failure}</div> : null}
                  </td>
                  <td>{s.source === "LIVE" ? "live" : "import"}</td>
                  <td>{formatDateTime(s.startedAt)}</td>
                  <td>{formatDurationMs(s.durationMs)}</td>
                  <td>{s.entitiesSeen ?? "—"}</td>
                  <td>{s.versionsWritten ?? "—"}</td>
                  <td>{s.errorCount ? <Badge tone="warn">{s.errorCount}</Badge> : 0}</td>
                </tr>
              ))}
              {snapshots.rows.length === 0 ? <NoRows colSpan={8} /> : null}
            </tbody>
          </table>
        </TableWrap>
      )}
      <Pagination page={snapshots.page} pageSize={snapshots.pageSize} total={snapshots.total} path={PATH} query={query} />
    </>
  );
}
