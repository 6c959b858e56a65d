import nodemailer from "nodemailer";
import { redactSecrets } from "../audit";
import { NotificationSendError } from "./send-webhook";

export type OutgoingEmail = { from: string; to: string[]; subject: string; text: string };

const MAX_ERROR = 300;

/** nodemailer's error as a short line: its code, the SMTP reply code and text; never the URL or the login. */
function describeSmtpError(error: unknown): string {
  const details = error as { code?: string; responseCode?: number; message?: string };
  const parts = [details.code, details.responseCode?.toString(), details.message].filter(Boolean).join(" ");
  const { text } = redactSecrets(parts || "failed");
  return text.length > MAX_ERROR ? `${text.slice(0, MAX_ERROR)}…` : text;
}

/**
 * Sends one plain-text mail through the SMTP server of `smtpUrl` (smtp:// with STARTTLS when the
 * server offers it, smtps:// for implicit TLS). Every step (connect, greeting, each reply) has
 * `timeoutMs`, and the whole exchange four times that.
 */
export async function sendEmail(smtpUrl: string, mail: OutgoingEmail, options: { timeoutMs: number; signal?: AbortSignal }): Promise<void> {
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
    dnsTimeout: options.timeoutMs,
    // Nothing in a message may make nodemailer read a file or fetch a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
    logger: false,
    debug: false,
  });
  const overall = AbortSignal.timeout(options.timeoutMs * 4);
  const signal = options.signal ? AbortSignal.any([options.signal, overall]) : overall;
  try {
    await new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        transport.close();
        reject(
          new NotificationSendError(overall.aborted ? `smtp failed: no answer within ${options.timeoutMs * 4} ms` : "smtp failed: aborted"),
        );
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener("abort", onAbort, { once: true });
      transport.sendMail({ from: mail.from, to: mail.to, subject: mail.subject, text: mail.text }).then(
        () => {
          signal.removeEventListener("abort", onAbort);
          resolve();
        },
        (error: unknown) => {
          signal.removeEventListener("abort", onAbort);
          reject(new NotificationSendError(`smtp failed: ${describeSmtpError(error)}`));
        },
      );
    });
  } finally {
    transport.close();
  }
}
