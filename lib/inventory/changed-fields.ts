/**
 * Top-level fields whose values differ between two versions of an entity, sorted. Values are
 * compared as canonical JSON (object keys sorted) so a reordered object is not a change.
 */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => canonical(before[name]) !== canonical(after[name])).sort();
}

function canonical(value: unknown): string {
  return (
    JSON.stringify(value, (_key, v: unknown) =>
      v && typeof v === "object" && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : v,
    ) ?? "undefined"
  );
}

/** A human name for an entity in a diff or history, whatever its kind. */
export function entityLabel(data: Record<string, unknown>, fallback: string): string {
  for (const field of ["roleName", "userName", "groupName", "name", "displayName", "user"]) {
    const value = data[field];
    if (typeof value === "string" && value) return value;
  }
  return fallback;
}
