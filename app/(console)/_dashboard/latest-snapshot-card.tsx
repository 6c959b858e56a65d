import Link from "next/link";
import { Badge, SnapshotStatusBadge } from "../_components/badges";
import { formatDateTime, formatDurationMs } from "../_components/format";
import { DetailList } from "../_components/page-header";
import { NoSnapshotYet } from "../_components/page-state";
import "./dashboard.css";
import { formatAgeSeconds } from "./health-card";
import { DASHBOARD_KINDS, type DashboardKind, type LatestSnapshot, type RecentRun } from "./load-dashboard";

/** Where each total leads; assignments have no list of their own (they sit on accounts and permission sets). */
const KINDS: Record<DashboardKind, { label: string; href?: string }> = {
  ACCOUNT: { label: "Accounts", href: "/accounts" },
  IDC_USER: { label: "IdC users", href: "/identity-center/users" },
  IDC_GROUP: { label: "IdC groups", href: "/identity-center/groups" },
  PERMISSION_SET: { label: "Permission sets", href: "/permission-sets" },
  ACCOUNT_ASSIGNMENT: { label: "Assignments" },
  IAM_ROLE: { label: "IAM roles", href: "/iam/roles" },
  IAM_USER: { label: "IAM users", href: "/iam/users" },
};

/** The snapshot every page reads by default, or how to take the first one. */
export function LatestSnapshotCard({ latest, newestRun, now }: { latest: LatestSnapshot | null; newestRun: RecentRun | null; now: Date }) {
  return (
    <section className="dash-card dash-wide" aria-labelledby="dash-latest" data-testid="dashboard-snapshot">
      <header>
        <h2 id="dash-latest">Latest snapshot</h2>
        {latest ? <Link href={`/snapshots/${latest.id}`}>Snapshot #{latest.id}</Link> : null}
      </header>
      {latest ? <SnapshotSummary latest={latest} now={now} /> : <NoSnapshotYet />}
      {latest && newestRun && newestRun.id > latest.id ? <NewerRun run={newestRun} /> : null}
    </section>
  );
}

/** Older than this, the console reads stale data: the hourly schedule has missed a day. */
const STALE_AFTER_MS = 24 * 3_600_000;

function SnapshotSummary({ latest, now }: { latest: LatestSnapshot; now: Date }) {
  const ageMs = Math.max(0, now.getTime() - latest.asOf.getTime());
  return (
    <>
      <DetailList
        items={[
          ["Status", <SnapshotStatusBadge key="status" status={latest.status} />],
          ["Data as of", formatDateTime(latest.asOf)],
          [
            "Age",
            <span key="age" data-testid="dashboard-snapshot-age">
              {ageMs > STALE_AFTER_MS ? <Badge tone="warn">stale</Badge> : null} {formatAgeSeconds(Math.floor(ageMs / 1000))} ago
            </span>,
          ],
          [
            "Partial accounts",
            <Link key="partial" href={`/snapshots/${latest.id}`} data-testid="dashboard-partial-accounts">
              {latest.accountsWithErrors.length ? <Badge tone="warn">{latest.accountsWithErrors.length}</Badge> : "none"}
            </Link>,
          ],
          ["Source", latest.source === "LIVE" ? "live collection" : "import"],
          ["Duration", formatDurationMs(latest.durationMs)],
          [
            "Errors",
            <Link key="errors" href={`/snapshots/${latest.id}`}>
              {latest.errorCount ? <Badge tone="warn">{latest.errorCount}</Badge> : "none"}
            </Link>,
          ],
        ]}
      />
      <dl className="dash-totals">
        {DASHBOARD_KINDS.map((kind) => {
          const { label, href } = KINDS[kind];
          return (
            <div key={kind} className="dash-total">
              <dt>{href ? <Link href={href}>{label}</Link> : label}</dt>
              <dd>{latest.totals[kind].toLocaleString("en-US")}</dd>
            </div>
          );
        })}
      </dl>
    </>
  );
}

/** A run newer than the snapshot shown: the console still reads the older one until it completes. */
function NewerRun({ run }: { run: RecentRun }) {
  if (run.status === "RUNNING") {
    return (
      <p className="inv-muted">
        <Link href={`/snapshots/${run.id}`}>Run #{run.id}</Link> is in progress; these totals are from the last readable snapshot.
      </p>
    );
  }
  if (run.status !== "FAILED") return null;
  return (
    <p className="error" role="alert">
      <Link href={`/snapshots/${run.id}`}>Run #{run.id}</Link> failed{run.failure ? ` (${run.failure})` : ""}; these totals are from the
      last readable snapshot.
    </p>
  );
}
