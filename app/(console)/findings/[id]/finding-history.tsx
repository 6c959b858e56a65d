import type { FindingHistoryEntry } from "@/lib/findings";
import Link from "next/link";
import { formatDateTime } from "../../_components/format";
import { Mono, NoRows, TableWrap } from "../../_components/page-header";

const LABELS: Record<string, string> = {
  opened: "opened",
  resolved: "resolved",
  reopened: "reopened",
  evidence_changed: "evidence changed",
  severity_changed: "severity changed",
  suppressed: "suppressed",
  suppression_expired: "suppression expired",
  unsuppressed: "suppression lifted",
};

function describeDetails(entry: FindingHistoryEntry): string {
  const details = (entry.details ?? {}) as Record<string, unknown>;
  if (entry.type === "suppressed" && typeof details.until === "string") return `until ${formatDateTime(details.until)}`;
  if (entry.type === "suppression_expired" && typeof details.until === "string") return `expired ${formatDateTime(details.until)}`;
  if (entry.type === "severity_changed" && details.from && details.to) return `${String(details.from)} → ${String(details.to)}`;
  return "";
}

/** Every status change of the finding, oldest first: what, when, which snapshot or who, and why. */
export function FindingHistory({ history }: { history: FindingHistoryEntry[] }) {
  return (
    <TableWrap>
      <table aria-label="Finding history">
        <thead>
          <tr>
            <th>When</th>
            <th>What</th>
            <th>By</th>
            <th>Why</th>
            <th>Details</th>
          </tr>
        </thead>
        <tbody>
          {history.map((entry, index) => (
            <tr key={index} data-testid={`history-${entry.type}`}>
              <td className="inv-nowrap">{formatDateTime(entry.at)}</td>
              <td>{LABELS[entry.type] ?? entry.type}</td>
              <td>
                {entry.actor ? (
                  entry.actor
                ) : entry.snapshotId ? (
                  <Link href={`/snapshots/${entry.snapshotId}`}>snapshot #{entry.snapshotId}</Link>
                ) : (
                  <span className="inv-muted">time</span>
                )}
              </td>
              <td>{entry.reason ?? <span className="inv-muted">—</span>}</td>
              <td>
                <Mono>{describeDetails(entry)}</Mono>
              </td>
            </tr>
          ))}
          {history.length === 0 ? <NoRows colSpan={5}>No history.</NoRows> : null}
        </tbody>
      </table>
    </TableWrap>
  );
}
