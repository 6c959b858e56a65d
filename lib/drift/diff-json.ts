import { diffPolicyDocument, isPolicyDocument } from "./diff-policy-document";
import { childPath, indexPath, keyedPath } from "./json-path";
import { isPlainObject, isPrimitive, stableJson } from "./stable-json";

/** One difference at one path. `added`/`removed` carry one side only; `changed` both. */
export interface JsonChange {
  /** readable path from the compared root, e.g. `trustPolicy.Statement[Sid=Admins].Principal.AWS` ("" is the root) */
  path: string;
  kind: "added" | "removed" | "changed";
  before?: unknown;
  after?: unknown;
}

/** Recursion continues into a nested value; shared with the policy-document diff. */
export type DiffValue = (before: unknown, after: unknown, path: string, out: JsonChange[], depth: number) => void;

/** Deeper than this (no real AWS data is), a difference is reported on the whole subtree instead of recursing. */
const MAX_DEPTH = 64;

/** Array elements are matched by the first of these fields that every element has, unique, as a string. */
const IDENTITY_FIELDS = ["arn", "key", "name", "id", "targetId", "userName", "groupName"] as const;

/**
 * A structural diff of two JSON values, readable path by path. Semantic, not textual:
 * - everywhere: object key order is cosmetic; arrays of objects are matched by an identity field
 *   (`arn`, `key`, `name`…) when every element has a unique one, so an insertion does not shift every
 *   later element; arrays of plain values report the values added and removed, and a pure reordering
 *   (same values, other order) as one change of the whole array — in general JSON order can matter;
 * - inside an IAM policy document (an object with a `Statement` and nothing but `Version`/`Id`
 *   besides; see diff-policy-document.ts for the full list): what IAM ignores is ignored — statement
 *   order and form (one object or an array), string vs one-element list, order and duplicates in
 *   action/resource/principal/condition value lists, the case of action names and condition keys,
 *   `"*"` vs `{"AWS":"*"}`, and labels (`Sid`, `Id`).
 * Returns no changes when the values are equivalent.
 */
export function diffJson(before: unknown, after: unknown): JsonChange[] {
  const out: JsonChange[] = [];
  diffValue(before, after, "", out, 0);
  return out;
}

const diffValue: DiffValue = (before, after, path, out, depth) => {
  if (stableJson(before) === stableJson(after)) return;
  if (before === undefined) return void out.push({ path, kind: "added", after });
  if (after === undefined) return void out.push({ path, kind: "removed", before });
  if (depth >= MAX_DEPTH) return void out.push({ path, kind: "changed", before, after });
  if (isPolicyDocument(before) && isPolicyDocument(after)) return diffPolicyDocument(before, after, path, out, depth, diffValue);
  if (isPlainObject(before) && isPlainObject(after)) return diffObjects(before, after, path, out, depth);
  if (Array.isArray(before) && Array.isArray(after)) return diffArrays(before, after, path, out, depth);
  out.push({ path, kind: "changed", before, after });
};

function diffObjects(before: Record<string, unknown>, after: Record<string, unknown>, path: string, out: JsonChange[], depth: number) {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  for (const key of keys) diffValue(before[key], after[key], childPath(path, key), out, depth + 1);
}

function diffArrays(before: unknown[], after: unknown[], path: string, out: JsonChange[], depth: number) {
  if (before.every(isPrimitive) && after.every(isPrimitive)) return diffValueLists(before, after, path, out);
  const identity = identityField(before, after);
  if (identity) return diffKeyedArrays(before, after, identity, path, out, depth);
  const length = Math.max(before.length, after.length);
  for (let i = 0; i < length; i++) diffValue(before[i], after[i], indexPath(path, i), out, depth + 1);
}

function diffValueLists(before: unknown[], after: unknown[], path: string, out: JsonChange[]) {
  const removed = multisetMinus(before, after);
  const added = multisetMinus(after, before);
  for (const value of removed) out.push({ path, kind: "removed", before: value });
  for (const value of added) out.push({ path, kind: "added", after: value });
  if (removed.length === 0 && added.length === 0) out.push({ path, kind: "changed", before, after });
}

function multisetMinus(values: unknown[], minus: unknown[]): unknown[] {
  const remaining = new Map<string, number>();
  for (const value of minus) remaining.set(stableJson(value), (remaining.get(stableJson(value)) ?? 0) + 1);
  return values.filter((value) => {
    const count = remaining.get(stableJson(value)) ?? 0;
    if (count > 0) remaining.set(stableJson(value), count - 1);
    return count === 0;
  });
}

function identityField(before: unknown[], after: unknown[]): string | null {
  const isIdentity = (items: unknown[], field: string) => {
    const values = items.map((item) => (isPlainObject(item) ? item[field] : undefined));
    return values.every((v) => typeof v === "string") && new Set(values).size === values.length;
  };
  return IDENTITY_FIELDS.find((field) => isIdentity(before, field) && isIdentity(after, field)) ?? null;
}

function diffKeyedArrays(before: unknown[], after: unknown[], field: string, path: string, out: JsonChange[], depth: number) {
  const byId = (items: unknown[]) => new Map(items.map((item) => [String((item as Record<string, unknown>)[field]), item]));
  const older = byId(before);
  const newer = byId(after);
  const ids = [...new Set([...older.keys(), ...newer.keys()])].sort();
  for (const id of ids) diffValue(older.get(id), newer.get(id), keyedPath(path, field, id), out, depth + 1);
}
