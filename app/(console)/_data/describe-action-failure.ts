import { toAppError } from "@/lib/errors";
import type { Logger } from "@/lib/log";

export type ActionFailure = { error: string; requestId: string };

/**
 * What a failed server action tells the user, logged under the request's id so an admin who quotes
 * the id finds the cause. Refusals (bad input, conflicts) show their reason; anything else is a bug,
 * logged with its stack and shown only as "went wrong" (its message may hold internals).
 */
export function describeActionFailure(input: { action: string; error: unknown; requestId: string; log: Logger }): ActionFailure {
  const { action, error, requestId, log } = input;
  const appError = toAppError(error);
  if (appError.code === "INTERNAL") {
    log.error({ requestId, action, err: error }, "server action failed");
    return { error: "Something went wrong; nothing was changed.", requestId };
  }
  log.warn({ requestId, action, code: appError.code, reason: appError.message }, "server action refused");
  return { error: appError.message, requestId };
}
