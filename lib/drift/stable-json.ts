/** Key order is normalized this deep; below it (no real AWS data goes there) it is compared as written. */
const SORT_DEPTH = 64;

/** JSON with object keys sorted at every depth: a comparison key where key order means nothing. */
export function stableJson(value: unknown): string {
  return JSON.stringify(sortKeys(value, 0)) ?? "undefined";
}

function sortKeys(value: unknown, depth: number): unknown {
  if (depth >= SORT_DEPTH) return value;
  if (Array.isArray(value)) return value.map((item) => sortKeys(item, depth + 1));
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .filter((key) => value[key] !== undefined)
      .map((key) => [key, sortKeys(value[key], depth + 1)]),
  );
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

export function isPrimitive(value: unknown): value is string | number | boolean | null {
  return value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}
