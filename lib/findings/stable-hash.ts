import { createHash } from "node:crypto";

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (typeof value === "object" && value !== null)
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sorted((value as Record<string, unknown>)[key])]),
    );
  return value;
}

/** sha256 of the JSON with object keys sorted: the same evidence hashes the same whatever its key order. */
export function stableHash(value: unknown): string {
  return createHash("sha256")
    .update(JSON.stringify(sorted(value)) ?? "null")
    .digest("hex");
}
