import Link from "next/link";
import type { Severity } from "@/lib/findings";
import { SeverityCounts } from "../_components/severity-counts";
import "./dashboard.css";

/** Open findings (reopened included) per severity, each linking to the findings list filtered to it. */
export function OpenFindingsCard({ counts }: { counts: Record<Severity, number> }) {
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  return (
    <section className="dash-card" aria-labelledby="dash-findings">
      <header>
        <h2 id="dash-findings">Open findings</h2>
        <Link href="/findings">{total === 0 ? "none open" : `${total} open`}</Link>
      </header>
      <SeverityCounts counts={counts} />
    </section>
  );
}
