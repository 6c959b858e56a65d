import { NodeHttpHandler } from "@smithy/node-http-handler";
import type { HttpHandlerOptions } from "@smithy/types";

/** A TCP connection that takes longer than this is not coming; a slow answer may still be. */
const MAX_CONNECTION_TIMEOUT_MS = 10_000;

type HandleArguments = Parameters<NodeHttpHandler["handle"]>;

/**
 * The SDK's Node handler with every wait bounded, and tied to the run's abort signal. The SDK's
 * defaults wait forever for a connected endpoint that never answers (requestTimeout 0, and even a
 * set requestTimeout only logs a warning unless throwOnRequestTimeout is on).
 */
class TimedHttpHandler extends NodeHttpHandler {
  constructor(
    timeoutMs: number,
    private readonly signal: AbortSignal | undefined,
  ) {
    super({
      connectionTimeout: Math.min(timeoutMs, MAX_CONNECTION_TIMEOUT_MS),
      requestTimeout: timeoutMs,
      // Inactivity after the headers arrived: a response body that stops flowing.
      socketTimeout: timeoutMs,
      throwOnRequestTimeout: true,
    });
  }

  override handle(request: HandleArguments[0], options: HttpHandlerOptions = {}): ReturnType<NodeHttpHandler["handle"]> {
    return super.handle(request, { ...options, abortSignal: combineSignals(options.abortSignal, this.signal) });
  }
}

export function createTimedHttpHandler(options: { timeoutMs: number; signal?: AbortSignal }): NodeHttpHandler {
  return new TimedHttpHandler(options.timeoutMs, options.signal);
}

function combineSignals(perCall: HttpHandlerOptions["abortSignal"], shared: AbortSignal | undefined): HttpHandlerOptions["abortSignal"] {
  if (!shared) return perCall;
  if (!perCall) return shared;
  // Callers pass either a DOM AbortSignal or the SDK's minimal look-alike; only the former combines.
  return perCall instanceof AbortSignal ? AbortSignal.any([perCall, shared]) : shared;
}
