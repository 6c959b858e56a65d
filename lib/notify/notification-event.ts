import { z } from "zod";

/** What Vigil notifies about: the break-glass moments someone must hear of at once. */
export const NOTIFICATION_KINDS = [
  "checkout.requested",
  "checkout.approved",
  /** self-approved with a TOTP re-entry: goes to every approver */
  "checkout.emergency",
  "checkout.revealed",
  "checkout.expired",
  "rotation.failed",
  "breakglass.used_outside_window",
  /** a reviewer still has undecided rows in an open access-review campaign (lib/review) */
  "review.reminder",
  /** the weekly drift report's summary (lib/drift), to its subscribers */
  "drift.report",
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

const id = z.string().min(1).max(200);
const shortText = z.string().max(2_000);

/**
 * One event as a caller describes it. Only ids, names, times and short facts: the payload is
 * stored, sent to a chat channel and mailed, so a secret must never be in it. Keys naming a secret
 * are refused and secret-looking text is redacted (lib/audit's rules) before anything is stored.
 */
export const NOTIFICATION_EVENT = z.strictObject({
  kind: z.enum(NOTIFICATION_KINDS),
  occurredAt: z.date().optional(),
  credential: z
    .strictObject({
      id,
      accountId: z.string().regex(/^\d{12}$/, "must be a 12-digit AWS account id"),
      iamUserName: z.string().min(1).max(128),
    })
    .optional(),
  checkout: z
    .strictObject({
      id,
      /** Vigil user id of who requested it: reached by e-mail when the audience is "requester" */
      requesterId: id.optional(),
      reason: shortText.optional(),
      /** incident or ticket reference */
      reference: z.string().max(500).optional(),
      durationMinutes: z.number().int().positive().max(100_000).optional(),
      expiresAt: z.date().optional(),
    })
    .optional(),
  /**
   * Who is mailed besides VIGIL_NOTIFY_EMAIL_TO: every approver (admins included), or the checkout's
   * requester. An emergency always reaches every approver. The webhook channel gets everything.
   */
  audience: z.enum(["approvers", "requester", "reviewer", "subscribers"]).optional(),
  /** the drift report's snapshots; mailed to `subscribers` (VIGIL_DRIFT_REPORT_EMAIL_TO) when the audience is "subscribers" */
  driftReport: z
    .strictObject({
      fromSnapshotId: z.number().int().positive(),
      toSnapshotId: z.number().int().positive(),
      subscribers: z.array(z.string().regex(/^[^\s@<>,]+@[^\s@<>,]+$/, "must be an e-mail address")).max(100),
    })
    .optional(),
  /** an access-review reminder: mailed to `reviewerEmail` when the audience is "reviewer" */
  review: z
    .strictObject({
      campaignId: z.number().int().positive(),
      campaignName: z.string().min(1).max(200),
      reviewerEmail: z.string().regex(/^[^\s@<>,]+@[^\s@<>,]+$/, "must be an e-mail address"),
      pending: z.number().int().nonnegative(),
    })
    .optional(),
  /** who did it: a display name or username, `system`, `cli:<user>` */
  actor: z.string().min(1).max(200).optional(),
  /** extra non-secret facts (an IAM error code, a CloudTrail event name and time, a finding id) */
  facts: z.record(z.string().min(1).max(100), z.union([z.string().max(2_000), z.number(), z.boolean(), z.null(), z.date()])).optional(),
  /** path under VIGIL_BASE_URL the message links to; defaults to the checkout's page, else /breakglass */
  linkPath: z
    .string()
    .regex(/^\/[^\s]*$/, "must be a path starting with /")
    .max(500)
    .optional(),
});

export type NotificationEventInput = z.input<typeof NOTIFICATION_EVENT>;
export type NotificationEvent = z.output<typeof NOTIFICATION_EVENT>;

/** What the outbox stores: the event as plain JSON, times as ISO strings, with its link resolved. */
export const STORED_NOTIFICATION = z.object({
  kind: z.enum(NOTIFICATION_KINDS),
  occurredAt: z.string(),
  credential: z.object({ id: z.string(), accountId: z.string(), iamUserName: z.string() }).optional(),
  checkout: z
    .object({
      id: z.string(),
      requesterId: z.string().optional(),
      reason: z.string().optional(),
      reference: z.string().optional(),
      durationMinutes: z.number().optional(),
      expiresAt: z.string().optional(),
    })
    .optional(),
  audience: z.enum(["approvers", "requester", "reviewer", "subscribers"]).optional(),
  driftReport: z.object({ fromSnapshotId: z.number(), toSnapshotId: z.number(), subscribers: z.array(z.string()) }).optional(),
  review: z.object({ campaignId: z.number(), campaignName: z.string(), reviewerEmail: z.string(), pending: z.number() }).optional(),
  actor: z.string().optional(),
  facts: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
  link: z.string(),
});

export type StoredNotification = z.output<typeof STORED_NOTIFICATION>;

/** The page a notification points to, relative to VIGIL_BASE_URL. */
export function notificationLinkPath(event: NotificationEvent): string {
  if (event.linkPath) return event.linkPath;
  if (event.checkout) return `/breakglass/checkouts/${encodeURIComponent(event.checkout.id)}`;
  if (event.review) return `/reviews/${event.review.campaignId}`;
  return "/breakglass";
}
