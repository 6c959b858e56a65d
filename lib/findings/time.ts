export const DAY_MS = 86_400_000;
/** The rules' horizon: 90 days before the snapshot's as-of. */
export const INACTIVITY_DAYS = 90;

export function daysBetween(from: string | Date, to: Date): number {
  return Math.floor((to.getTime() - new Date(from).getTime()) / DAY_MS);
}

/** true when `at` lies at least `days` days before `asOf` */
export function olderThanDays(at: string | Date, asOf: Date, days: number): boolean {
  return asOf.getTime() - new Date(at).getTime() >= days * DAY_MS;
}

export function newest(values: ReadonlyArray<string | null | undefined>): string | null {
  let best: string | null = null;
  for (const value of values) if (value && (best === null || new Date(value) > new Date(best))) best = value;
  return best;
}
