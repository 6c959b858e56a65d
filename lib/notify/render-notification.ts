import type { NotificationKind, StoredNotification } from "./notification-event";

export type RenderedNotification = {
  title: string;
  /** label/value lines, in order */
  lines: Array<[label: string, value: string]>;
  link: string;
};

export type SlackMessage = { text: string; blocks: object[] };

const TITLES: Record<NotificationKind, (subject: string) => string> = {
  "checkout.requested": (subject) => `Break-glass checkout requested for ${subject}`,
  "checkout.approved": (subject) => `Break-glass checkout approved for ${subject}`,
  "checkout.emergency": (subject) => `EMERGENCY break-glass checkout of ${subject}: self-approved, post-incident review required`,
  "checkout.revealed": (subject) => `Break-glass credentials of ${subject} revealed`,
  "checkout.expired": (subject) => `Break-glass checkout of ${subject} expired`,
  "rotation.failed": (subject) => `Rotation FAILED for ${subject}: the revealed credentials are still live`,
  "breakglass.used_outside_window": (subject) => `Break-glass user ${subject} used outside any approved checkout`,
  "review.reminder": (subject) => `Access review ${subject} awaiting your decision`,
  "drift.report": (subject) => `Drift report: ${subject}`,
};

/** Slack caps a section's text at 3000 characters; a message is for people, so keep it short. */
const MAX_SECTION = 2_900;
const MAX_VALUE = 500;

function oneLine(value: string): string {
  // Control characters (CR/LF in a subject line, terminal escapes) become spaces.
  const flat = value.replace(/\p{Cc}+/gu, " ").trim();
  return flat.length > MAX_VALUE ? `${flat.slice(0, MAX_VALUE)}…` : flat;
}

function subjectOf(notification: StoredNotification): string {
  const drift = notification.driftReport;
  if (drift) return `snapshot #${drift.fromSnapshotId} → #${drift.toSnapshotId}`;
  const review = notification.review;
  if (review) return `${review.campaignName}: ${review.pending} row(s)`;
  const credential = notification.credential;
  return credential ? `${credential.iamUserName} (account ${credential.accountId})` : "a break-glass credential";
}

export function renderNotification(notification: StoredNotification, baseUrl: string): RenderedNotification {
  const lines: Array<[string, string]> = [];
  const add = (label: string, value: string | number | boolean | null | undefined) => {
    if (value !== undefined && value !== null && value !== "") lines.push([label, oneLine(String(value))]);
  };
  add("By", notification.actor);
  add("When", notification.occurredAt);
  add("Reason", notification.checkout?.reason);
  add("Incident/ticket", notification.checkout?.reference);
  if (notification.checkout?.durationMinutes) add("Duration", `${notification.checkout.durationMinutes} min`);
  add("Expires", notification.checkout?.expiresAt);
  add("Checkout", notification.checkout?.id);
  add("Reviewer", notification.review?.reviewerEmail);
  for (const [key, value] of Object.entries(notification.facts ?? {})) add(key, value);
  return {
    title: oneLine(TITLES[notification.kind](subjectOf(notification))),
    lines,
    link: new URL(notification.link, baseUrl).toString(),
  };
}

/** Slack's mrkdwn treats &, < and > as markup: user text (a reason) must not become a link or a mention. */
function escapeMrkdwn(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/** A Slack-compatible incoming-webhook body: `text` for notifications and clients without blocks. */
export function toSlackMessage(rendered: RenderedNotification): SlackMessage {
  const details = rendered.lines.map(([label, value]) => `*${escapeMrkdwn(label)}:* ${escapeMrkdwn(value)}`).join("\n");
  return {
    text: `${rendered.title} ${rendered.link}`,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `*${escapeMrkdwn(rendered.title)}*` } },
      ...(details ? [{ type: "section", text: { type: "mrkdwn", text: details.slice(0, MAX_SECTION) } }] : []),
      { type: "context", elements: [{ type: "mrkdwn", text: `<${rendered.link}|Open in Vigil>` }] },
    ],
  };
}

export function toEmail(rendered: RenderedNotification): { subject: string; text: string } {
  const body = [rendered.title, "", ...rendered.lines.map(([label, value]) => `${label}: ${value}`), "", rendered.link, ""].join("\n");
  return { subject: `[Vigil] ${rendered.title}`, text: body };
}
