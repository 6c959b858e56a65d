import type { ReactNode } from "react";
import "./inventory.css";

export type Tone = "ok" | "warn" | "danger" | "neutral";

export function Badge({ tone = "neutral", children, title }: { tone?: Tone; children: ReactNode; title?: string }) {
  return (
    <span className={tone === "neutral" ? "badge" : `badge ${tone}`} title={title}>
      {children}
    </span>
  );
}

const SNAPSHOT_TONE: Record<string, Tone> = { COMPLETE: "ok", PARTIAL: "warn", FAILED: "danger", RUNNING: "neutral" };

export function SnapshotStatusBadge({ status }: { status: string }) {
  return <Badge tone={SNAPSHOT_TONE[status] ?? "neutral"}>{status}</Badge>;
}

const ACCOUNT_TONE: Record<string, Tone> = { ACTIVE: "ok", SUSPENDED: "danger", CLOSED: "danger", PENDING_CLOSURE: "warn" };

export function AccountStatusBadge({ status }: { status: string }) {
  return <Badge tone={ACCOUNT_TONE[status] ?? "neutral"}>{status}</Badge>;
}

/**
 * A yes/no fact that is good one way round (MFA on) or the other (console password on a machine user).
 * null means "not known in this snapshot", which must not read as either.
 */
export function FlagBadge({ value, good }: { value: boolean | null; good: boolean }) {
  if (value === null) return <Badge title="not reported in this snapshot">unknown</Badge>;
  return <Badge tone={value === good ? "ok" : "warn"}>{value ? "yes" : "no"}</Badge>;
}

export function TagList({ tags }: { tags: Record<string, string> | null }) {
  if (tags === null) return <Badge title="tags could not be read in this snapshot">unreadable</Badge>;
  const entries = Object.entries(tags);
  if (entries.length === 0) return <span className="inv-muted">—</span>;
  return (
    <span className="inv-tags">
      {entries.map(([key, value]) => (
        <Badge key={key}>
          {key}={value}
        </Badge>
      ))}
    </span>
  );
}
