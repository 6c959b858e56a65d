import { redactSecrets } from "@/lib/audit";
import { AppError, DomainError } from "@/lib/errors";
import { logger } from "@/lib/log";

/** One dashboard section's data, or why it could not be loaded (shown in its card, not as a blank page). */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Waits for one section's loader. A failure becomes a short message for the card: an AppError's or a domain error's
 * own message (written for people), otherwise only the error's kind; the full error goes to the log.
 */
export async function settle<T>(section: string, load: () => Promise<T>): Promise<Settled<T>> {
  try {
    return { ok: true, value: await load() };
  } catch (error) {
    logger.error({ err: error, section }, "dashboard section failed");
    const message =
      error instanceof AppError || error instanceof DomainError
        ? error.message
        : `${error instanceof Error ? error.name : "error"}: could not be loaded (details in the server log)`;
    return { ok: false, error: redactSecrets(message.slice(0, 300)).text };
  }
}
