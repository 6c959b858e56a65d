import Link from "next/link";
import type { FindingRow } from "@/lib/findings";
import { SeverityBadge } from "./severity-badge";

/** The open findings about one principal, most severe first, each linked to its page. */
export function PrincipalFindingsList({
  findings,
  note,
}: {
  findings: readonly FindingRow[];
  note?: (finding: FindingRow) => string | null;
}) {
  if (findings.length === 0) return <p className="inv-muted">No open finding is about this principal.</p>;
  return (
    <ul>
      {findings.map((finding) => {
        const extra = note?.(finding);
        return (
          <li key={finding.id}>
            <SeverityBadge severity={finding.severity} /> <Link href={`/findings/${finding.id}`}>{finding.title}</Link>
            {extra ? <span className="inv-muted"> ({extra})</span> : null}
          </li>
        );
      })}
    </ul>
  );
}
