const DAY_MS = 86_400_000;

/** `2024-06-01 12:30 UTC`; an em dash for "never" / unknown. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return "—";
  const date = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** Whole days from `value` to `now` (the snapshot's as-of time, so ages read as they were then). */
export function formatAge(value: string | null | undefined, now: Date): string {
  if (!value) return "—";
  const days = Math.floor((now.getTime() - new Date(value).getTime()) / DAY_MS);
  if (Number.isNaN(days)) return "—";
  return days <= 0 ? "today" : `${days} d`;
}

/** "today", "3 d ago", or an em dash for never / unknown. */
export function formatAgo(value: string | null | undefined, now: Date): string {
  const age = formatAge(value, now);
  return age === "—" || age === "today" ? age : `${age} ago`;
}

export function ageInDays(value: string | null | undefined, now: Date): number | null {
  if (!value) return null;
  const days = Math.floor((now.getTime() - new Date(value).getTime()) / DAY_MS);
  return Number.isNaN(days) ? null : days;
}

export function formatDurationMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "—";
  if (ms < 1000) return `${ms} ms`;
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/** IAM max session durations are seconds: 3600 → `1 h`, 5400 → `1 h 30 min`. */
export function formatSeconds(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return "—";
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.round((seconds % 3600) / 60);
  if (hours === 0) return `${minutes} min`;
  return minutes ? `${hours} h ${minutes} min` : `${hours} h`;
}
