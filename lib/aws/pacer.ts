/**
 * Token-bucket pacer. CloudTrail LookupEvents allows 2 requests/s per account and region; above
 * that it throttles, and adaptive retry alone converges slowly, so requests are paced up front.
 */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const SYSTEM_CLOCK: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface Pacer {
  /** resolves when the caller may send one request */
  take(): Promise<void>;
}

export function createPacer(opts: { ratePerSecond: number; burst?: number; clock?: Clock }): Pacer {
  const clock = opts.clock ?? SYSTEM_CLOCK;
  const capacity = opts.burst ?? opts.ratePerSecond;
  const msPerToken = 1000 / opts.ratePerSecond;
  let tokens = capacity;
  let updatedAt = clock.now();
  // Callers queue on one chain so tokens are handed out in arrival order.
  let queue: Promise<void> = Promise.resolve();

  const refill = () => {
    const now = clock.now();
    tokens = Math.min(capacity, tokens + (now - updatedAt) / msPerToken);
    updatedAt = now;
  };

  const takeOne = async () => {
    refill();
    if (tokens < 1) {
      await clock.sleep(Math.ceil((1 - tokens) * msPerToken));
      refill();
    }
    tokens = Math.max(0, tokens - 1);
  };

  return {
    take() {
      const turn = queue.then(takeOne);
      queue = turn.catch(() => undefined);
      return turn;
    },
  };
}

/** One pacer per key (e.g. `${accountId}:${region}`), created on first use. */
export function createKeyedPacer(opts: { ratePerSecond: number; burst?: number; clock?: Clock }): (key: string) => Pacer {
  const pacers = new Map<string, Pacer>();
  return (key) => {
    let pacer = pacers.get(key);
    if (!pacer) {
      pacer = createPacer(opts);
      pacers.set(key, pacer);
    }
    return pacer;
  };
}
