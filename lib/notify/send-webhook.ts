import type { SlackMessage } from "./render-notification";

export class NotificationSendError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NotificationSendError";
  }
}

/**
 * POSTs the message to a Slack-compatible incoming webhook. Errors name the status or the timeout,
 * never the URL: webhook URLs carry their token in the path.
 */
export async function sendWebhook(url: string, message: SlackMessage, options: { timeoutMs: number; signal?: AbortSignal }): Promise<void> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(message),
      signal: options.signal ? AbortSignal.any([options.signal, timeout]) : timeout,
      redirect: "error",
    });
  } catch (error) {
    const reason = timeout.aborted
      ? `no answer within ${options.timeoutMs} ms`
      : ((error as { cause?: { code?: string } }).cause?.code ?? (error instanceof Error ? error.name : "request failed"));
    throw new NotificationSendError(`webhook failed: ${reason}`);
  }
  await response.body?.cancel().catch(() => {});
  if (!response.ok) throw new NotificationSendError(`webhook answered HTTP ${response.status}`);
}
