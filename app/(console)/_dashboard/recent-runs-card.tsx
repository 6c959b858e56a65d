import Link from "next/link";
import { Badge, SnapshotStatusBadge } from "../_components/badges";
import { formatDateTime, formatDurationMs } from "../_components/format";
import { NoRows, TableWrap } from "../_components/page-header";
import "./dashboard.css";
import type { RecentRun } from "./load-dashboard";

/** The last few snapshot runs of any status, so a failing schedule shows on the home page. */
export function RecentRunsCard({ runs }: { runs: RecentRun[] }) {
  return (
    <section className="dash-card" aria-labelledby="dash-runs">
      <header>
        <h2 id="dash-runs">Recent snapshot runs</h2>
        <Link href="/snapshots">All snapshots</Link>
      </header>
      <TableWrap>
        <table>
          <thead>
            <tr>
              <th>Run</th>
              <th>Status</th>
              <th>Duration</th>
              <th>Errors</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => (
              <tr key={run.id}>
                <td>
                  <Link href={`/snapshots/${run.id}`}>#{run.id}</Link>
                  <br />
                  <small className="inv-muted">started {formatDateTime(run.startedAt)}</small>
                </td>
                <td title={run.failure ?? undefined}>
                  <SnapshotStatusBadge status={run.status} />
                </td>
                <td>{formatDurationMs(run.durationMs)}</td>
                <td>{run.errorCount ? <Badge tone="warn">{run.errorCount}</Badge> : 0}</td>
              </tr>
            ))}
            {runs.length === 0 ? <NoRows colSpan={4}>No snapshot has run yet.</NoRows> : null}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}
