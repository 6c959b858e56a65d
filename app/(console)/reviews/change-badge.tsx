import type { ReviewChangeName } from "@/lib/review";
import { Badge, type Tone } from "../_components/badges";
import { formatSeconds } from "../_components/format";

const CHANGE_TONE: Record<ReviewChangeName, Tone> = { new: "warn", changed: "warn", unchanged: "neutral", removed: "danger" };

const FIELD_LABEL: Record<string, string> = {
  effectiveSessionSeconds: "session",
  cappedByChaining: "capped by role chaining",
  conditional: "conditional",
  permissionSetHash: "permission set content",
  roleArn: "role",
  findings: "open findings",
};

/** "open findings none → #46, #50; session 1 h → 12 h": what changed against last week's row, for a CHANGED row's badge. */
export function describeChangeDetail(detail: Record<string, { from: unknown; to: unknown }> | null): string | null {
  if (!detail) return null;
  const parts = Object.entries(detail).map(([field, { from, to }]) =>
    field === "permissionSetHash"
      ? "permission set content edited"
      : `${FIELD_LABEL[field] ?? field} ${show(field, from)} → ${show(field, to)}`,
  );
  return parts.length > 0 ? parts.join("; ") : null;
}

function show(field: string, value: unknown): string {
  if (value === null || value === undefined) return "none";
  if (Array.isArray(value))
    return value.length === 0 ? "none" : value.map((id) => (field === "findings" ? `#${String(id)}` : String(id))).join(", ");
  if (field === "effectiveSessionSeconds" && typeof value === "number") return value > 0 ? formatSeconds(value) : "long-term credentials";
  if (typeof value === "boolean") return value ? "yes" : "no";
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
