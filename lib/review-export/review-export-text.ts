import type { ReviewFindingRef, ReviewItemView } from "../review";

/** A session length in words: `1 h`, `12 h`, `1 h 30 min`, `45 min`, `90 s`. */
export function sessionText(seconds: number): string {
  // 0: an IAM user's own password and access keys, which have no session to limit.
  if (seconds <= 0) return "long-term credentials";
  if (seconds % 60 !== 0)
    return seconds < 3600 ? `${seconds} s` : `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
  const hours = Math.floor(seconds / 3600);
  const minutes = (seconds % 3600) / 60;
  if (hours === 0) return `${minutes} min`;
  return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
}

export const yesNo = (value: boolean) => (value ? "yes" : "no");

/** `critical ROOT_ACCESS_KEY: Root user has an access key; …` */
export function findingsText(findings: readonly ReviewFindingRef[]): string {
  return findings.map((finding) => `${finding.severity} ${finding.rule}: ${finding.title}`).join("; ");
}

function valueText(value: unknown): string {
  if (value === null || value === undefined) return "none";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** What changed against last week, field by field: `session: 3600 → 43200; permissionSet: A → B`. */
export function changeDetailText(detail: ReviewItemView["changeDetail"]): string {
  if (!detail) return "";
  return Object.entries(detail)
    .map(([field, { from, to }]) => `${field}: ${valueText(from)} → ${valueText(to)}`)
    .join("; ");
}

export const DECISION_TEXT: Record<NonNullable<ReviewItemView["decision"]>, string> = {
  keep: "keep",
  revoke: "revoke",
  "needs-info": "needs info",
};

export function decisionText(item: Pick<ReviewItemView, "decision" | "change">): string {
  if (item.decision) return DECISION_TEXT[item.decision];
  return item.change === "removed" ? "(no decision needed: removed)" : "undecided";
}
