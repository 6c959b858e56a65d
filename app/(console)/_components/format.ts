/**
 * The console's one format: dates, ages, durations, counts and enum labels are written here and
 * nowhere else, so the same value reads the same on every page (issue 12: "PT1H" on one page and
 * "12 h" on another). Pure functions; the components that wrap them (Duration, LocalTime,
 * UsageTime, EmptyState) sit beside this file.
 */
const DAY_MS = 86_400_000;

/** `2024-06-01 12:30 UTC`; an em dash for "never" / unknown. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return "—";
  const date = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/**
 * `2024-06-01 14:30 CEST` in `timeZone` (the browser's when omitted): what LocalTime shows once it
 * runs in the browser. null for a value that is not a date.
 */
export function formatLocalDateTime(value: string | Date, timeZone?: string): string | null {
  const date = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return null;
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")} ${part("timeZoneName")}`;
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

/** Session lengths in seconds (IAM's unit): 3600 → `1 h`, 5400 → `1 h 30 min`, 45 → `45 s`. */
export function formatSeconds(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return "—";
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.round((seconds % 3600) / 60);
  if (hours === 0) return `${minutes} min`;
  return minutes ? `${hours} h ${minutes} min` : `${hours} h`;
}

// PnW or PnDTnHnMnS (Identity Center's session durations are PT1H…PT12H); years and months have no
// fixed length in seconds, so they are not durations this console can compare.
const ISO_DURATION = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** An ISO-8601 duration in seconds (`PT1H30M` → 5400); null when it is not one this console reads. */
export function parseIsoDuration(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const text = iso.trim().toUpperCase();
  const match = ISO_DURATION.exec(text);
  // The pattern's parts are all optional: "P" and "PT" match it but name no duration.
  if (!match || text === "P" || text.endsWith("T")) return null;
  const [, weeks, days, hours, minutes, seconds] = match;
  const n = (value: string | undefined) => (value ? Number(value) : 0);
  return n(weeks) * 604_800 + n(days) * 86_400 + n(hours) * 3600 + n(minutes) * 60 + n(seconds);
}

/** Seconds as an ISO-8601 duration: 5400 → `PT1H30M` (the form Identity Center configures). */
export function secondsToIso(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  if (whole === 0) return "PT0S";
  return `PT${h ? `${h}H` : ""}${m ? `${m}M` : ""}${s ? `${s}S` : ""}`;
}

/** `PT12H` → `12 h`; an unreadable value is shown as it is rather than hidden. */
export function formatIsoDuration(iso: string | null | undefined): string {
  if (!iso) return "—";
  const seconds = parseIsoDuration(iso);
  return seconds === null ? iso : formatSeconds(seconds);
}

const IRREGULAR_PLURALS: Record<string, string> = { policy: "policies", identity: "identities", entry: "entries", person: "people" };

/** `plural(1, "account")` → `1 account`, `plural(3, "policy")` → `3 policies`; `many` for other irregular words. */
export function plural(count: number, one: string, many?: string): string {
  return `${count.toLocaleString("en-US")} ${pluralWord(count, one, many)}`;
}

/** The word alone, for headings that place the number elsewhere. */
export function pluralWord(count: number, one: string, many?: string): string {
  if (count === 1) return one;
  if (many) return many;
  const irregular = IRREGULAR_PLURALS[one.toLowerCase()];
  if (irregular) return irregular;
  if (/(s|x|z|ch|sh)$/i.test(one)) return `${one}es`;
  if (/[^aeiou]y$/i.test(one)) return `${one.slice(0, -1)}ies`;
  return `${one}s`;
}

/** Words kept in capitals when an enum value is written out. */
const ACRONYMS = new Set(["IAM", "AWS", "SSO", "MFA", "SCP", "OU", "ARN", "API", "CI", "SAML", "OIDC", "IP", "KMS", "STS", "ID"]);

/** Enum values whose words alone would mislead or read badly. */
const ENUM_LABELS: Record<string, string> = {
  IDC_USER: "Identity Center user",
  IDC_GROUP: "Identity Center group",
  IDC_GROUP_MEMBERSHIP: "group membership",
  IDC_INSTANCE: "Identity Center instance",
  ORG_ROOT: "organization root",
  ORG_UNIT: "organizational unit",
  SERVICE_CONTROL_POLICY: "service control policy",
  AWS_MANAGED_POLICY: "AWS managed policy",
  IAM_CREDENTIAL: "IAM credential report",
  ACCOUNT_ASSIGNMENT: "account assignment",
  PERMISSION_SET: "permission set",
};

/**
 * An UPPER_SNAKE (or kebab) enum value in words: `IDC_GROUP_MEMBERSHIP` → `group membership`,
 * `IAM_ROLE` → `IAM role`, `LONG_SESSION_SENSITIVE_ACCOUNT` → `long session sensitive account`.
 * `overrides` (a page's own wording) win over the shared table.
 */
export function enumLabel(value: string | null | undefined, overrides?: Readonly<Record<string, string>>): string {
  if (!value) return "—";
  const own = overrides?.[value] ?? ENUM_LABELS[value];
  if (own) return own;
  return value
    .split(/[_\-\s]+/)
    .filter(Boolean)
    .map((word) => (ACRONYMS.has(word.toUpperCase()) ? word.toUpperCase() : word.toLowerCase()))
    .join(" ");
}

/** Why a last-used time is missing: AWS says never, Vigil cannot tell, or Vigil did not collect it. */
export type UsageState = "never" | "unknown" | "not-collected";

export const USAGE_STATE_LABELS: Record<UsageState, { text: string; title: string }> = {
  never: { text: "never", title: "AWS reports no use in the period it tracks" },
  unknown: { text: "unknown", title: "the source that records this was unreadable in this snapshot" },
  "not-collected": { text: "not collected", title: "Vigil does not collect this (e.g. no CloudTrail ingested for it)" },
};
