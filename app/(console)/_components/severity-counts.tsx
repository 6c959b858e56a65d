import Link from "next/link";
import { SEVERITIES, type Severity } from "@/lib/findings";
import { SeverityBadge } from "./severity-badge";

/** Open findings per severity, each a link to the list filtered to it. */
export function SeverityCounts({ counts, label = "Open findings by severity" }: { counts: Record<Severity, number>; label?: string }) {
  return (
    <ul aria-label={label} style={{ display: "flex", flexWrap: "wrap", gap: 12, listStyle: "none", padding: 0, margin: "8px 0" }}>
      {SEVERITIES.map((severity) => (
        <li key={severity}>
          <Link href={`/findings?severity=${severity}`} aria-label={`${counts[severity]} open ${severity} findings`}>
            <SeverityBadge severity={severity} /> <strong style={{ fontVariantNumeric: "tabular-nums" }}>{counts[severity]}</strong>
          </Link>
        </li>
      ))}
    </ul>
  );
}
