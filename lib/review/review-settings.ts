import type { Env } from "../env";

/** Who reviews what, and when campaigns start: read once from the environment. */
export interface ReviewSettings {
  /** VIGIL_REVIEW_DEFAULT_REVIEWER, lower-cased; null when unset */
  defaultReviewer: string | null;
  /** VIGIL_REVIEW_OWNERS: account id → owner, group display name (lower-cased) → owner; e-mails lower-cased */
  owners: { accounts: Map<string, string>; groups: Map<string, string> };
  /** VIGIL_REVIEW_CRON, evaluated in `timeZone` */
  cron: string;
  reminderCron: string;
  /** VIGIL_TIMEZONE: the week a campaign covers starts on Monday 00:00 here */
  timeZone: string;
}

type ReviewEnv = Pick<
  Env,
  "VIGIL_REVIEW_DEFAULT_REVIEWER" | "VIGIL_REVIEW_OWNERS" | "VIGIL_REVIEW_CRON" | "VIGIL_REVIEW_REMINDER_CRON" | "VIGIL_TIMEZONE"
>;

export function reviewSettings(env: ReviewEnv): ReviewSettings {
  return {
    defaultReviewer: env.VIGIL_REVIEW_DEFAULT_REVIEWER?.trim().toLowerCase() || null,
    owners: parseReviewOwners(env.VIGIL_REVIEW_OWNERS ?? ""),
    cron: env.VIGIL_REVIEW_CRON,
    reminderCron: env.VIGIL_REVIEW_REMINDER_CRON,
    timeZone: env.VIGIL_TIMEZONE,
  };
}

/** `account:111122223333=alice@example.com,group:Payments-Admins=bob@example.com` (lib/env checked the form). */
export function parseReviewOwners(text: string): ReviewSettings["owners"] {
  const accounts = new Map<string, string>();
  const groups = new Map<string, string>();
  for (const entry of text.split(",")) {
    const at = entry.lastIndexOf("=");
    if (at < 0) continue;
    const key = entry.slice(0, at).trim();
    const email = entry
      .slice(at + 1)
      .trim()
      .toLowerCase();
    if (!email) continue;
    if (key.startsWith("account:")) accounts.set(key.slice("account:".length).trim(), email);
    else if (key.startsWith("group:")) groups.set(key.slice("group:".length).trim().toLowerCase(), email);
  }
  return { accounts, groups };
}
