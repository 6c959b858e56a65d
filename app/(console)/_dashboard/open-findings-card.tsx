import Link from "next/link";
import { SeverityCounts } from "../_components/severity-counts";
import { FindingsTrendChart } from "../findings/findings-trend-chart";
import "./dashboard.css";
import type { FindingsOverview } from "./load-findings-overview";

/** Open findings (reopened included) per severity, each linking to the list filtered to it, and their trend per evaluated snapshot. */
export function OpenFindingsCard({ overview }: { overview: FindingsOverview }) {
  const total = Object.values(overview.counts).reduce((sum, count) => sum + count, 0);
  return (
    <section className="dash-card dash-wide" aria-labelledby="dash-findings" data-testid="dashboard-findings">
      <header>
        <h2 id="dash-findings">Open findings</h2>
        <Link href="/findings">{total === 0 ? "none open" : `${total} open`}</Link>
      </header>
      <SeverityCounts counts={overview.counts} />
      {overview.trend.length > 1 ? (
        <FindingsTrendChart points={overview.trend} />
      ) : (
        <p className="inv-muted">The trend appears once two snapshots have been evaluated.</p>
      )}
    </section>
  );
}
