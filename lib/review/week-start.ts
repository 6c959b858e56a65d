/**
 * Monday 00:00 of the week holding `now`, in `timeZone`, as an instant: the period a campaign covers.
 * DST-safe: the local midnight is converted with the offset in force at that midnight, not now's.
 */
export function weekStart(now: Date, timeZone: string): Date {
  const local = localParts(now, timeZone);
  // Days since Monday, from the local calendar date (UTC arithmetic on a date has no DST).
  const dayIndex = (new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay() + 6) % 7;
  const monday = new Date(Date.UTC(local.year, local.month - 1, local.day - dayIndex));
  return localMidnight(monday.getUTCFullYear(), monday.getUTCMonth() + 1, monday.getUTCDate(), timeZone);
}

/** "Week of 2026-11-30": the period's Monday as a local date. */
export function weekLabel(periodStart: Date, timeZone: string): string {
  const { year, month, day } = localParts(periodStart, timeZone);
  return `Week of ${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function localParts(at: Date, timeZone: string): LocalParts {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(at)) if (part.type !== "literal") parts[part.type] = Number(part.value);
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** Offset (ms) of `timeZone` from UTC at the instant `at`. */
function offsetAt(at: Date, timeZone: string): number {
  const p = localParts(at, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/**
 * The instant of local 00:00 on that date. Where a DST change skips midnight (it happens: some zones
 * switch at 00:00), the first instant of the day after the gap.
 */
function localMidnight(year: number, month: number, day: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day);
  let guess = wall - offsetAt(new Date(wall), timeZone);
  guess = wall - offsetAt(new Date(guess), timeZone);
  const check = localParts(new Date(guess), timeZone);
  if (check.day !== day) {
    // Midnight does not exist that day (clocks jump from 00:00 to 01:00): the jump's instant, which is
    // midnight by the offset in force before it.
    return new Date(wall - offsetAt(new Date(wall - 86_400_000), timeZone));
  }
  return new Date(guess);
}
