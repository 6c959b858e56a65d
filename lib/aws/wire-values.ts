import type { IsoDateTime, Tags } from "./types";

/** What a mapper accepts for a field AWS may leave out: the SDK gives undefined, the CLI's JSON may hold null. */
export type Maybe<T> = T | null | undefined;

/**
 * A timestamp as it reaches a mapper: a Date from the SDK; from the AWS CLI's JSON, ISO-8601 text
 * (CLI v2, and IAM in v1) or epoch seconds (CLI v1 prints what came over the wire for JSON services).
 */
export type WireTimestamp = Date | string | number;

export interface WireTag {
  Key?: Maybe<string>;
  Value?: Maybe<string>;
}

/** ISO-8601 UTC; null when absent or not a timestamp. Digits-only text counts as epoch seconds. */
export function toIsoDateTime(value: Maybe<WireTimestamp>): IsoDateTime | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  const ms = typeof value === "number" ? value * 1000 : /^\d+(\.\d+)?$/.test(value) ? Number(value) * 1000 : Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

export function toTags(list: Maybe<readonly WireTag[]>): Tags {
  return Object.fromEntries((list ?? []).map((t) => [t.Key ?? "", t.Value ?? ""]));
}
