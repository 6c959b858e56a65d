import type { ReactNode } from "react";
import { getDb } from "@/lib/db";
import { PageHeader } from "./_components/page-header";
import { AccessChangesCard, loadLatestAccessChanges } from "./_dashboard/access-changes-card";
import { BreakglassCard } from "./_dashboard/breakglass-card";
import { CloudTrailCard } from "./_dashboard/cloudtrail-card";
import "./_dashboard/dashboard.css";
import { HealthCard } from "./_dashboard/health-card";
import { LatestSnapshotCard } from "./_dashboard/latest-snapshot-card";
import { loadBreakglassState } from "./_dashboard/load-breakglass-state";
import { loadCloudTrail, loadHealth, loadLatestSnapshot, loadRecentRuns } from "./_dashboard/load-dashboard";
import { loadFindingsOverview } from "./_dashboard/load-findings-overview";
import { loadReviewProgress } from "./_dashboard/load-review-progress";
import { loadRiskiestPrincipals } from "./_dashboard/load-riskiest-principals";
import { OpenFindingsCard } from "./_dashboard/open-findings-card";
import { QuickLinksCard } from "./_dashboard/quick-links-card";
import { RecentRunsCard } from "./_dashboard/recent-runs-card";
import { ReviewProgressCard } from "./_dashboard/review-progress-card";
import { RiskiestPrincipalsCard } from "./_dashboard/riskiest-principals-card";
import { SectionError } from "./_dashboard/section-error";
import { settle, type Settled } from "./_dashboard/settle";
import { requireInventoryReader } from "./_data/require-inventory-reader";

export const dynamic = "force-dynamic";

/** A section's card, or its error in the card's place. */
function card<T>(id: string, title: string, settled: Settled<T>, render: (value: T) => ReactNode): ReactNode {
  return settled.ok ? render(settled.value) : <SectionError id={id} title={title} error={settled.error} />;
}

export default async function DashboardPage() {
  const user = await requireInventoryReader();
  const now = new Date();
  const db = await getDb();
  // Every section is read at once, and each fails alone: its card shows why, the rest of the page stands.
  const [latest, runs, cloudTrail, health, findings, breakglass, review, riskiest, accessChanges] = await Promise.all([
    settle("snapshot", () => loadLatestSnapshot(db)),
    settle("runs", () => loadRecentRuns(db)),
    settle("cloudtrail", () => loadCloudTrail(db, now)),
    settle("health", loadHealth),
    settle("findings", () => loadFindingsOverview(db, now)),
    settle("breakglass", () => loadBreakglassState(db, now)),
    settle("review", () => loadReviewProgress(db)),
    settle("riskiest", () => loadRiskiestPrincipals(db, now)),
    settle("changes", () => loadLatestAccessChanges(db, now)),
  ]);
  const newestRun = runs.ok ? (runs.value[0] ?? null) : null;
  return (
    <>
      <PageHeader title="Dashboard">
        <p className="dash-user">
          Signed in as <strong>{user.displayName}</strong> with role <strong>{user.role}</strong> (
          {user.method === "LOCAL" ? "local break-glass account" : "single sign-on"}).
        </p>
      </PageHeader>
      <div className="dash-grid">
        {card("snapshot", "Latest snapshot", latest, (value) => (
          <LatestSnapshotCard latest={value} newestRun={newestRun} now={now} />
        ))}
        {card("findings", "Open findings", findings, (value) => (
          <OpenFindingsCard overview={value} />
        ))}
        {card("changes", "Latest access changes", accessChanges, (value) => (
          <AccessChangesCard changes={value} />
        ))}
        {card("breakglass", "Break-glass", breakglass, (value) => (
          <BreakglassCard state={value} />
        ))}
        {card("review", "Access review", review, (value) => (
          <ReviewProgressCard progress={value} />
        ))}
        {card("cloudtrail", "AssumeRole activity", cloudTrail, (value) => (
          <CloudTrailCard cloudTrail={value} />
        ))}
        {card("riskiest", "Riskiest principals", riskiest, (value) => (
          <RiskiestPrincipalsCard riskiest={value} />
        ))}
        {card("runs", "Recent snapshot runs", runs, (value) => (
          <RecentRunsCard runs={value} />
        ))}
        {card("health", "System health", health, (value) => (
          <HealthCard health={value} />
        ))}
        <QuickLinksCard />
      </div>
    </>
  );
}
