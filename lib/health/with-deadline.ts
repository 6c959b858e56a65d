export class DeadlineError extends Error {
  constructor(what: string, timeoutMs: number) {
    super(`${what} did not finish within ${timeoutMs} ms`);
    this.name = "DeadlineError";
  }
}

/**
 * Settles with `work`, or rejects with a DeadlineError after `timeoutMs`. The work itself is not
 * cancelled: the pools' own timeouts end it; the caller just stops waiting for it.
 */
export function withDeadline<T>(work: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(what, timeoutMs)), timeoutMs);
  });
  // A rejection of the abandoned work must not surface as unhandled.
  work.catch(() => {});
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
