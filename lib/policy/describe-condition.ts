import type { ConditionEntry } from "./conditions";

/** What the reader of a condition needs besides the condition: the organization it is read in. */
export interface ConditionContext {
  /** `o-…` of the organization Vigil inventories; names `aws:PrincipalOrgID` "this organization" */
  organizationId?: string | null;
}

export interface ConditionInWords extends ConditionEntry {
  /** one phrase: "sts:ExternalId equals 'abc'", "MFA present", "source IP in 10.0.0.0/8" */
  text: string;
}

/** Values listed in words before the rest are counted ("and 12 more"): a condition may hold thousands. */
const MAX_VALUES = 10;
const MAX_VALUE_LENGTH = 200;

const STRING_VERBS: Record<string, { verb: string; negated: boolean }> = {
  StringEquals: { verb: "equals", negated: false },
  StringNotEquals: { verb: "equals", negated: true },
  StringEqualsIgnoreCase: { verb: "equals (ignoring case)", negated: false },
  StringNotEqualsIgnoreCase: { verb: "equals (ignoring case)", negated: true },
  StringLike: { verb: "matches", negated: false },
  StringNotLike: { verb: "matches", negated: true },
  ArnEquals: { verb: "is", negated: false },
  ArnNotEquals: { verb: "is", negated: true },
  ArnLike: { verb: "matches", negated: false },
  ArnNotLike: { verb: "matches", negated: true },
  BinaryEquals: { verb: "equals", negated: false },
};

const NUMERIC_VERBS: Record<string, string> = {
  NumericEquals: "=",
  NumericNotEquals: "≠",
  NumericLessThan: "<",
  NumericLessThanEquals: "≤",
  NumericGreaterThan: ">",
  NumericGreaterThanEquals: "≥",
};

const DATE_VERBS: Record<string, string> = {
  DateEquals: "is",
  DateNotEquals: "is not",
  DateLessThan: "is before",
  DateLessThanEquals: "is at or before",
  DateGreaterThan: "is after",
  DateGreaterThanEquals: "is at or after",
};

/** Friendlier names of the keys a trust policy commonly tests. */
const KEY_NAMES: Record<string, string> = {
  "aws:sourceip": "source IP",
  "aws:principalarn": "caller ARN",
  "aws:principalaccount": "caller account",
  "aws:currenttime": "the time",
  "aws:principaltype": "caller type",
  "aws:requestedregion": "requested region",
  "saml:aud": "SAML audience",
};

function quote(value: string): string {
  const shown = value.length > MAX_VALUE_LENGTH ? `${value.slice(0, MAX_VALUE_LENGTH)}…` : value;
  return `'${shown}'`;
}

function listOf(values: readonly string[], joiner: "or" | "and" | "nor", format: (v: string) => string = quote): string {
  const shown = values.slice(0, MAX_VALUES).map(format);
  const more = values.length - shown.length;
  if (more > 0) return `${shown.join(", ")} ${joiner} ${more} more`;
  if (shown.length <= 1) return shown[0] ?? "(no value)";
  return `${shown.slice(0, -1).join(", ")} ${joiner} ${shown.at(-1)}`;
}

function keyName(key: string): string {
  return KEY_NAMES[key.toLowerCase()] ?? key;
}

/** `ForAnyValue:StringLikeIfExists` → its set qualifier, base operator and IfExists flag. */
function splitOperator(operator: string): { qualifier: "any" | "all" | null; base: string; ifExists: boolean } {
  let rest = operator;
  let qualifier: "any" | "all" | null = null;
  if (/^ForAnyValue:/i.test(rest)) {
    qualifier = "any";
    rest = rest.slice("ForAnyValue:".length);
  } else if (/^ForAllValues:/i.test(rest)) {
    qualifier = "all";
    rest = rest.slice("ForAllValues:".length);
  }
  const ifExists = /IfExists$/.test(rest) && rest !== "IfExists";
  const base = ifExists ? rest.slice(0, -"IfExists".length) : rest;
  return { qualifier, base, ifExists };
}

function isTrue(values: readonly string[]): boolean | null {
  if (values.length !== 1) return null;
  const value = values[0]!.toLowerCase();
  return value === "true" ? true : value === "false" ? false : null;
}

/** Phrases for keys whose meaning is better said than spelled (MFA, HTTPS, the organization). */
function specialPhrase(base: string, key: string, values: readonly string[], context: ConditionContext): string | null {
  const lower = key.toLowerCase();
  const flag = isTrue(values);
  if (lower === "aws:multifactorauthpresent") {
    if (base === "Bool" && flag !== null) return flag ? "MFA present" : "MFA absent";
    if (base === "Null" && flag !== null) return flag ? "no MFA information (long-term credentials)" : "MFA information present";
  }
  if (lower === "aws:securetransport" && base === "Bool" && flag !== null) return flag ? "over HTTPS" : "not over HTTPS";
  if (lower === "aws:multifactorauthage" && base in NUMERIC_VERBS && values.length === 1) {
    return `MFA age ${NUMERIC_VERBS[base]} ${values[0]} s`;
  }
  if (lower === "aws:principalorgid" && (base === "StringEquals" || base === "StringNotEquals")) {
    const ours = (v: string) => (context.organizationId && v === context.organizationId ? `${v} (this organization)` : v);
    return `aws:PrincipalOrgID ${base === "StringEquals" ? "is" : "is not"} ${listOf(values, base === "StringEquals" ? "or" : "nor", ours)}`;
  }
  if (base === "IpAddress") return `${keyName(key)} in ${listOf(values, "or", (v) => v)}`;
  if (base === "NotIpAddress") return `${keyName(key)} not in ${listOf(values, "nor", (v) => v)}`;
  if (base === "Null" && flag !== null) return flag ? `${keyName(key)} is absent` : `${keyName(key)} is present`;
  return null;
}

function phrase(base: string, key: string, values: readonly string[], context: ConditionContext): string {
  const special = specialPhrase(base, key, values, context);
  if (special) return special;
  const name = keyName(key);
  const string = STRING_VERBS[base];
  if (string) {
    return string.negated ? `${name} ${string.verb} none of ${listOf(values, "and")}` : `${name} ${string.verb} ${listOf(values, "or")}`;
  }
  const numeric = NUMERIC_VERBS[base];
  if (numeric) return `${name} ${numeric} ${listOf(values, "or", (v) => v)}`;
  const date = DATE_VERBS[base];
  if (date) return `${name} ${date} ${listOf(values, "or", (v) => v)}`;
  if (base === "Bool") {
    const flag = isTrue(values);
    return flag === null ? `${name} is ${listOf(values, "or")}` : `${name} is ${flag}`;
  }
  // An operator IAM does not know (a typo makes the statement never match): shown as written.
  return `${name} ${base} ${listOf(values, "or")}`;
}

/** One condition entry in words, e.g. `StringEquals sts:ExternalId ["abc"]` → "sts:ExternalId equals 'abc'". */
export function describeCondition(entry: ConditionEntry, context: ConditionContext = {}): ConditionInWords {
  const { qualifier, base, ifExists } = splitOperator(entry.operator);
  let text = phrase(base, entry.key, entry.values, context);
  if (qualifier === "any") text = `some value of ${text}`;
  if (qualifier === "all") text = `every value of ${text}`;
  if (ifExists) text = `${text} (when present)`;
  return { ...entry, text };
}
