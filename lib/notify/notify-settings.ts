import type { Env } from "../env";
import { baseUrlFrom } from "../auth";

/** How notifications leave Vigil. The webhook and SMTP URLs can hold credentials: never log them. */
export type NotifySettings = {
  webhookUrl?: string;
  smtpUrl?: string;
  smtpFrom: string;
  /** receive every notification */
  emailTo: string[];
  timeoutMs: number;
  maxAttempts: number;
  /** origin the links in messages point to */
  baseUrl: string;
};

type NotifyEnv = Pick<
  Env,
  | "VIGIL_NOTIFY_WEBHOOK_URL"
  | "VIGIL_SMTP_URL"
  | "VIGIL_SMTP_FROM"
  | "VIGIL_NOTIFY_EMAIL_TO"
  | "VIGIL_NOTIFY_TIMEOUT_MS"
  | "VIGIL_NOTIFY_MAX_ATTEMPTS"
  | "VIGIL_BASE_URL"
  | "PORT"
>;

export function notifySettingsFrom(settings: NotifyEnv): NotifySettings {
  return {
    webhookUrl: settings.VIGIL_NOTIFY_WEBHOOK_URL,
    smtpUrl: settings.VIGIL_SMTP_URL,
    smtpFrom: settings.VIGIL_SMTP_FROM,
    emailTo: (settings.VIGIL_NOTIFY_EMAIL_TO ?? "")
      .split(",")
      .map((address) => address.trim())
      .filter(Boolean),
    timeoutMs: settings.VIGIL_NOTIFY_TIMEOUT_MS,
    maxAttempts: settings.VIGIL_NOTIFY_MAX_ATTEMPTS,
    baseUrl: baseUrlFrom(settings),
  };
}
