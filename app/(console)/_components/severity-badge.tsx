import { Badge, type Tone } from "./badges";

const SEVERITY_TONE: Record<string, Tone> = { critical: "danger", high: "danger", medium: "warn", low: "neutral", info: "neutral" };

export function SeverityBadge({ severity }: { severity: string }) {
  return <Badge tone={SEVERITY_TONE[severity] ?? "neutral"}>{severity}</Badge>;
}

const STATUS_TONE: Record<string, Tone> = { open: "danger", reopened: "danger", resolved: "ok", suppressed: "neutral" };

export function FindingStatusBadge({ status }: { status: string }) {
  return <Badge tone={STATUS_TONE[status] ?? "neutral"}>{status}</Badge>;
}
