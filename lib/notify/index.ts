// Notifications: an outbox written in the caller's transaction, delivered by the send-notification
// job to a Slack-compatible webhook and by SMTP, every attempt recorded, failures listed.
export { enqueueNotification, type EnqueuedNotification } from "./enqueue-notification";
export { NOTIFICATION_KINDS, type NotificationEventInput, type NotificationKind } from "./notification-event";
export { notifySettingsFrom, type NotifySettings } from "./notify-settings";
export { deliverDueNotifications, retryDelayMs, type DeliverOptions, type DeliveryRunSummary } from "./deliver-due-notifications";
export { hasDueNotifications } from "./has-due-notifications";
export { listNotificationFailures, type NotificationFailure } from "./list-notification-failures";
export { SEALED_COPY_FORMAT, parseAgeRecipient, sealCredentials, type SealInput, type SealResult } from "./seal-credentials";
