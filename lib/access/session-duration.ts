/** AWS's default session of a permission set (and the ceiling of any role-chained session). */
export const ONE_HOUR_SECONDS = 3600;

const ISO_DURATION = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Seconds of an ISO-8601 duration such as a permission set's `PT8H`; null when it is not one. */
export function isoDurationSeconds(text: string | null | undefined): number | null {
  if (!text || text === "P" || text.endsWith("T")) return null;
  const match = ISO_DURATION.exec(text);
  if (!match) return null;
  const [, days, hours, minutes, seconds] = match;
  return Number(days ?? 0) * 86_400 + Number(hours ?? 0) * 3600 + Number(minutes ?? 0) * 60 + Math.floor(Number(seconds ?? 0));
}

/**
 * The session a path ends with. The first hop's session is the permission set's SessionDuration
 * (AWS default one hour) or, for an IAM user's AssumeRole, the target's MaxSessionDuration; any
 * later hop is role chaining, which AWS caps at one hour whatever the target allows.
 */
export function effectiveSession(
  firstHop: { permissionSetDuration?: string | null; maxSessionDuration?: number | null },
  chainedHops: number,
) {
  if (chainedHops > 0) return { effectiveSessionSeconds: ONE_HOUR_SECONDS, cappedByChaining: true };
  if (firstHop.permissionSetDuration !== undefined) {
    return { effectiveSessionSeconds: isoDurationSeconds(firstHop.permissionSetDuration) ?? ONE_HOUR_SECONDS, cappedByChaining: false };
  }
  return { effectiveSessionSeconds: firstHop.maxSessionDuration ?? ONE_HOUR_SECONDS, cappedByChaining: false };
}
