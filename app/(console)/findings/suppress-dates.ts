const DAY_MS = 86_400_000;

/** The earliest day a suppression can last until: it ends when that day starts (00:00 UTC), which must be after `now`. */
export function tomorrowUtc(now: Date): string {
  return new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS + DAY_MS).toISOString().slice(0, 10);
}
