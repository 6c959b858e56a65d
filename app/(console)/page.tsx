import { countOpenFindingsBySeverity } from "@/lib/findings";
import { getDb } from "@/lib/db";
import { PageHeader } from "./_components/page-header";
import { BreakglassCard } from "./_dashboard/breakglass-card";
import { CloudTrailCard } from "./_dashboard/cloudtrail-card";
import "./_dashboard/dashboard.css";
import { HealthCard } from "./_dashboard/health-card";
import { LatestSnapshotCard } from "./_dashboard/latest-snapshot-card";
import { loadBreakglassState } from "./_dashboard/load-breakglass-state";
import { loadDashboard } from "./_dashboard/load-dashboard";
import { OpenFindingsCard } from "./_dashboard/open-findings-card";
import { QuickLinksCard } from "./_dashboard/quick-links-card";
import { RecentRunsCard } from "./_dashboard/recent-runs-card";
import { requireInventoryReader } from "./_data/require-inventory-reader";

export const dynamic = "force-dynamic";

export default async function DashboardPage() {
  const user = await requireInventoryReader();
  const now = new Date();
  const [dashboard, openFindings, breakglass] = await Promise.all([
    loadDashboard(now),
    getDb().then((db) => countOpenFindingsBySeverity(db, now)),
    getDb().then(loadBreakglassState),
  ]);
  return (
    <>
      <PageHeader title="Dashboard">
        <p className="dash-user">
          Signed in as <strong>{user.displayName}</strong> with role <strong>{user.role}</strong> (
          {user.method === "LOCAL" ? "local break-glass account" : "single sign-on"}).
        </p>
      </PageHeader>
      <div className="dash-grid">
        <LatestSnapshotCard latest={dashboard.latest} newestRun={dashboard.runs[0] ?? null} />
        <BreakglassCard state={breakglass} />
        <OpenFindingsCard counts={openFindings} />
        <RecentRunsCard runs={dashboard.runs} />
        <CloudTrailCard cloudTrail={dashboard.cloudTrail} />
        <HealthCard health={dashboard.health} />
        <QuickLinksCard />
      </div>
    </>
  );
}
