/**
 * A checkout window widened to whole seconds. CloudTrail records event times to the second, so an
 * event in the reveal's own second carries a time up to a second before the reveal's millisecond;
 * without the widening it would fall outside the window (dropped from the review, and counted as
 * use without a checkout).
 */
export function windowInWholeSeconds(from: Date, to: Date): { from: Date; to: Date } {
  return { from: new Date(Math.floor(from.getTime() / 1000) * 1000), to: new Date(Math.ceil(to.getTime() / 1000) * 1000) };
}
