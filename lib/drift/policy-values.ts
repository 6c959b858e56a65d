import { isPlainObject, stableJson } from "./stable-json";

/**
 * IAM's list-valued fields in a comparable form: a value list as a map from comparison key to the
 * value as written. IAM accepts a string or an array, ignores order and duplicates, and compares
 * action names and condition keys without regard to case; resource ARNs, principal values and
 * condition values keep their case (whether a condition value's case matters depends on the
 * operator, so it is never assumed cosmetic).
 */
export type ValueSet = Map<string, string>;

export const caseInsensitive = (value: string) => value.toLowerCase();
export const exact = (value: string) => value;

/** A string, or an array of strings/numbers/booleans (condition values may be `true` or `1`); null for anything else. */
export function valueSet(value: unknown, keyOf: (value: string) => string): ValueSet | null {
  const items = Array.isArray(value) ? value : [value];
  if (!items.every((item) => typeof item === "string" || typeof item === "number" || typeof item === "boolean")) return null;
  const set: ValueSet = new Map();
  for (const item of items) set.set(keyOf(String(item)), String(item));
  return set;
}

export function setKey(set: ValueSet): string[] {
  return [...set.keys()].sort();
}

/** `Principal` as type → value set; `"*"` is `{"AWS":"*"}`, as AWS documents. null when malformed. */
export function principalMap(value: unknown): Map<string, ValueSet> | null {
  if (value === "*") return new Map([["AWS", new Map([["*", "*"]])]]);
  if (!isPlainObject(value)) return null;
  const map = new Map<string, ValueSet>();
  for (const [type, values] of Object.entries(value)) {
    const set = valueSet(values, exact);
    if (!set) return null;
    map.set(type, set);
  }
  return map;
}

/** `Condition` as operator → (lower-cased key → value set, original key kept for display). null when malformed. */
export function conditionMap(value: unknown): Map<string, Map<string, { name: string; values: ValueSet }>> | null {
  if (!isPlainObject(value)) return null;
  const map = new Map<string, Map<string, { name: string; values: ValueSet }>>();
  for (const [operator, entries] of Object.entries(value)) {
    if (!isPlainObject(entries)) return null;
    const keys = new Map<string, { name: string; values: ValueSet }>();
    for (const [name, values] of Object.entries(entries)) {
      const set = valueSet(values, exact);
      if (!set) return null;
      const merged = keys.get(caseInsensitive(name))?.values ?? new Map();
      keys.set(caseInsensitive(name), { name, values: new Map([...merged, ...set]) });
    }
    map.set(operator, keys);
  }
  return map;
}

const LIST_FIELDS: Record<string, (value: string) => string> = {
  Action: caseInsensitive,
  NotAction: caseInsensitive,
  Resource: exact,
  NotResource: exact,
};

/** The comparison key of a list field's value (Action/NotAction/Resource/NotResource); null for other fields. */
export function listFieldKeyOf(field: string): ((value: string) => string) | null {
  return LIST_FIELDS[field] ?? null;
}

/** One statement reduced to what IAM evaluates: equal keys mean equal statements. `Sid` is a label and left out. */
export function statementKey(statement: unknown): string {
  if (!isPlainObject(statement)) return stableJson(statement);
  const semantic: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(statement)) {
    if (field !== "Sid") semantic[field] = fieldKey(field, value);
  }
  return stableJson(semantic);
}

function fieldKey(field: string, value: unknown): unknown {
  const listKey = listFieldKeyOf(field);
  if (listKey) return orRaw(valueSet(value, listKey), setKey, value);
  if (field === "Principal" || field === "NotPrincipal") {
    return orRaw(principalMap(value), (map) => Object.fromEntries([...map].map(([type, set]) => [type, setKey(set)])), value);
  }
  if (field === "Condition") {
    const toKey = (map: NonNullable<ReturnType<typeof conditionMap>>) =>
      Object.fromEntries(
        [...map].map(([operator, keys]) => [operator, Object.fromEntries([...keys].map(([k, e]) => [k, setKey(e.values)]))]),
      );
    return orRaw(conditionMap(value), toKey, value);
  }
  return value;
}

function orRaw<T>(parsed: T | null, toKey: (parsed: T) => unknown, raw: unknown): unknown {
  return parsed === null ? { malformed: raw } : toKey(parsed);
}
