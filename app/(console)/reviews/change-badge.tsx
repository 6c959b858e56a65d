import type { ReviewChangeName } from "@/lib/review";
import { Badge, type Tone } from "../_components/badges";

const CHANGE_TONE: Record<ReviewChangeName, Tone> = { new: "warn", changed: "warn", unchanged: "neutral", removed: "danger" };

/** "field a → b; field c → d": what changed against last week's row, for a CHANGED row's badge. */
export function describeChangeDetail(detail: Record<string, { from: unknown; to: unknown }> | null): string | null {
  if (!detail) return null;
  const parts = Object.entries(detail).map(([field, { from, to }]) => `${field} ${show(from)} → ${show(to)}`);
  return parts.length > 0 ? parts.join("; ") : null;
}

function show(value: unknown): string {
  if (value === null || value === undefined) return "—";
  return typeof value === "string" ? value : JSON.stringify(value);
}

export function ChangeBadge({
  change,
  detail,
}: {
  change: ReviewChangeName;
  detail?: Record<string, { from: unknown; to: unknown }> | null;
}) {
  const what = change === "changed" ? describeChangeDetail(detail ?? null) : null;
  return (
    <>
      <Badge tone={CHANGE_TONE[change]}>{change.toUpperCase()}</Badge>
      {what ? <span className="inv-muted review-change"> {what}</span> : null}
    </>
  );
}
