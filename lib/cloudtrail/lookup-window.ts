const DAY_MS = 24 * 3600 * 1000;

/**
 * The time range to ask LookupEvents for. First run: the look-back. Later runs: from the watermark
 * minus an overlap, because events reach LookupEvents minutes after they happen; the overlap is
 * re-read and dedup drops what was already stored. `since` (an operator's explicit start) wins.
 */
export function lookupWindow(input: { now: Date; watermark: Date | null; since?: Date; lookbackDays: number; overlapMs: number }): {
  startTime: Date;
  endTime: Date;
} {
  const horizon = input.now.getTime() - input.lookbackDays * DAY_MS;
  const from = input.since ? input.since.getTime() : input.watermark ? input.watermark.getTime() - input.overlapMs : horizon;
  const start = Math.min(Math.max(from, horizon), input.now.getTime());
  return { startTime: new Date(start), endTime: input.now };
}
