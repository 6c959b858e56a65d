export const ACTIVITY_DAYS = 14;
const DAY_MS = 86_400_000;

/**
 * The last ACTIVITY_DAYS whole UTC days, today included. Anchored on now, not on the newest stored
 * event (as /events is): on the home page a quiet or stalled trail must show as a flat line.
 */
export function activityRange(now: Date): { from: Date; to: Date } {
  const to = Math.floor(now.getTime() / DAY_MS) * DAY_MS + DAY_MS;
  return { from: new Date(to - ACTIVITY_DAYS * DAY_MS), to: new Date(to) };
}
