/** A JSON value as the audit trail stores it (after lib/audit/audit-detail.ts has cleaned it). */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * One byte sequence per JSON value, whatever order its keys were written or read back in (Postgres
 * jsonb reorders them): object keys sorted by UTF-16 code units, no whitespace, strings and numbers
 * as ECMAScript's JSON.stringify writes them — the JSON Canonicalization Scheme (RFC 8785).
 */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value)) throw new TypeError("canonical JSON has no NaN or Infinity");
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key]!)}`).join(",")}}`;
}
