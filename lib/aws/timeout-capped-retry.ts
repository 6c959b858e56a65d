import { AdaptiveRetryStrategy } from "@smithy/core/retry";
import type { RetryErrorInfo, RetryStrategyV2, RetryToken, StandardRetryToken } from "@smithy/types";

/** One retry of a timed-out request: a second silence from the same endpoint is an answer. */
export const MAX_TIMEOUT_ATTEMPTS = 2;

const TIMEOUT_NAMES = new Set(["TimeoutError", "RequestTimeout", "RequestTimeoutException"]);

function isTimeout(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { name, code } = error as { name?: string; code?: string };
  return (name !== undefined && TIMEOUT_NAMES.has(name)) || code === "ETIMEDOUT";
}

/**
 * The SDK's adaptive retry, except that timeouts stop after MAX_TIMEOUT_ATTEMPTS. Throttling and 5xx
 * keep the full `maxAttempts` (they clear up with backoff), but a request timeout costs the whole
 * timeout per attempt: eight attempts at 30 s would hold a snapshot on a silent endpoint for 4 min.
 */
export function timeoutCappedRetry(maxAttempts: number): RetryStrategyV2 {
  const adaptive = new AdaptiveRetryStrategy(async () => maxAttempts);
  const timeouts = new WeakMap<RetryToken, number>();
  return {
    mode: adaptive.mode,
    acquireInitialRetryToken: (scope) => adaptive.acquireInitialRetryToken(scope),
    recordSuccess: (token) => adaptive.recordSuccess(token as StandardRetryToken),
    async refreshRetryTokenForRetry(token: RetryToken, errorInfo: RetryErrorInfo): Promise<RetryToken> {
      const seen = (timeouts.get(token) ?? 0) + (isTimeout((errorInfo as { error?: unknown }).error) ? 1 : 0);
      if (seen >= MAX_TIMEOUT_ATTEMPTS) throw new Error(`gave up after ${seen} timed-out attempts`);
      const next = await adaptive.refreshRetryTokenForRetry(token as StandardRetryToken, errorInfo);
      timeouts.set(next, seen);
      return next;
    },
  } as RetryStrategyV2;
}
