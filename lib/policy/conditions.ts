import type { PolicyStatement } from "./statements";

/** One `Operator: { key: values }` entry of a `Condition` block. */
export interface ConditionEntry {
  operator: string;
  key: string;
  values: string[];
}

export function conditionsOf(statement: PolicyStatement): ConditionEntry[] {
  const entries: ConditionEntry[] = [];
  for (const [operator, block] of Object.entries(statement.Condition ?? {})) {
    if (typeof block !== "object" || block === null) continue;
    for (const [key, raw] of Object.entries(block)) {
      const values = (Array.isArray(raw) ? raw : [raw]).map((v) => String(v));
      entries.push({ operator, key, values });
    }
  }
  return entries;
}

/**
 * Keys about the caller that Vigil's inventory decides (who the principal is, its account, its
 * organization and OU path, its tags, its type). Every other key (`sts:ExternalId`, `aws:SourceIp`,
 * `aws:MultiFactorAuthPresent`, dates, `saml:*`, request tags…) is only known at request time.
 */
const CALLER_KEYS = ["aws:principalarn", "aws:principalaccount", "aws:principalorgid", "aws:principalorgpaths", "aws:principaltype"];
const CALLER_KEY_PREFIXES = ["aws:principaltag/"];

export function isCallerKey(key: string): boolean {
  const lower = key.toLowerCase();
  return CALLER_KEYS.includes(lower) || CALLER_KEY_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/**
 * Keys that narrow who within a named account (or `*`) may act: a statement naming an account root
 * or `*` with one of these is not open to the whole account / everyone. Includes the caller keys
 * and the identifiers of the session's source.
 */
const NARROWING_KEYS = [
  ...CALLER_KEYS,
  "aws:userid",
  "aws:username",
  "aws:sourcearn",
  "aws:sourceaccount",
  "aws:sourceorgid",
  "aws:sourceorgpaths",
  "aws:sourceidentity",
];

export function isNarrowingKey(key: string): boolean {
  const lower = key.toLowerCase();
  return NARROWING_KEYS.includes(lower) || CALLER_KEY_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/**
 * Keys that name the caller's account or organization: they narrow `*` to an account or the
 * organization, but every principal of one account shares their value, so they never narrow a
 * trust naming that account.
 */
const ACCOUNT_LEVEL_KEYS = [
  "aws:principalaccount",
  "aws:principalorgid",
  "aws:principalorgpaths",
  "aws:sourceaccount",
  "aws:sourceorgid",
  "aws:sourceorgpaths",
];

/** A narrowing key that can tell principals of one account apart (`aws:PrincipalArn`, `aws:PrincipalTag/*`, …). */
export function isWithinAccountNarrowingKey(key: string): boolean {
  return isNarrowingKey(key) && !ACCOUNT_LEVEL_KEYS.includes(key.toLowerCase());
}
