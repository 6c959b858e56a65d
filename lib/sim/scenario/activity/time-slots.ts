import type { Rng } from "../../random/prng";

const DAY = 86_400_000;

/** A working-hours moment `daysAgo` days before `now`, never in the future. */
export function workTime(rng: Rng, now: Date, daysAgo: number, hour?: number): Date {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - daysAgo * DAY);
  const at = new Date(day.getTime() + ((hour ?? rng.int(7, 18)) * 3600 + rng.int(0, 3599)) * 1000);
  return at.getTime() > now.getTime() ? new Date(now.getTime() - rng.int(60, 3600) * 1000) : at;
}

export function isWeekend(now: Date, daysAgo: number): boolean {
  const dow = new Date(now.getTime() - daysAgo * DAY).getUTCDay();
  return dow === 0 || dow === 6;
}

export const addSeconds = (date: Date, seconds: number): Date => new Date(date.getTime() + seconds * 1000);

/** `PT8H`, `PT1H30M` → seconds. */
export function isoDurationSeconds(duration: string): number {
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(duration);
  if (!m) return 3600;
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}
