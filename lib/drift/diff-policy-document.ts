import type { DiffValue, JsonChange } from "./diff-json";
import { childPath, indexPath, keyedPath } from "./json-path";
import { conditionMap, listFieldKeyOf, principalMap, statementKey, valueSet, type ValueSet } from "./policy-values";
import { isPlainObject } from "./stable-json";

const DOCUMENT_FIELDS = new Set(["Version", "Id", "Statement"]);
const FIELD_ORDER = ["Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"];

/** An IAM policy document: `Statement` (one object or an array) and nothing but `Version`/`Id` besides. */
export function isPolicyDocument(value: unknown): value is Record<string, unknown> {
  if (!isPlainObject(value) || !("Statement" in value)) return false;
  const statement = value.Statement;
  return (isPlainObject(statement) || Array.isArray(statement)) && Object.keys(value).every((key) => DOCUMENT_FIELDS.has(key));
}

interface Statement {
  raw: unknown;
  key: string;
  sid: string | null;
  index: number;
}

/**
 * What IAM evaluates, compared statement by statement. Cosmetic (never reported): the document `Id`
 * and statement `Sid`s (labels), statement order, `Statement` as one object vs a list, identical
 * duplicate statements, and the list cosmetics of policy-values.ts. Semantic (reported): `Version`
 * (it decides whether `${aws:…}` policy variables are substituted), `Effect`, every action,
 * resource, principal, condition operator, key and value, and `Principal` vs `NotPrincipal`.
 *
 * Statements that are equivalent on both sides drop out; the rest are paired by a shared `Sid`,
 * then by similarity (at least half their fields equivalent), and diffed field by field, so a
 * widened trust reads as one principal added rather than one statement removed and one added.
 * A statement left unpaired is reported added or removed whole.
 */
export function diffPolicyDocument(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  path: string,
  out: JsonChange[],
  depth: number,
  diffValue: DiffValue,
): void {
  diffValue(before.Version, after.Version, childPath(path, "Version"), out, depth + 1);
  const statementsPath = childPath(path, "Statement");
  const older = statementsOf(before.Statement);
  const newer = statementsOf(after.Statement);
  dropEquivalent(older, newer);
  const pairs = pairStatements(older, newer);
  for (const [b, a] of pairs) diffStatement(b, a, labelOf(statementsPath, a, b), out, depth + 2, diffValue);
  const paired = new Set(pairs.flat());
  for (const b of older) if (!paired.has(b)) out.push({ path: labelOf(statementsPath, b), kind: "removed", before: b.raw });
  for (const a of newer) if (!paired.has(a)) out.push({ path: labelOf(statementsPath, a), kind: "added", after: a.raw });
}

function statementsOf(value: unknown): Statement[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((raw, index) => {
    const sid = isPlainObject(raw) && typeof raw.Sid === "string" && raw.Sid !== "" ? raw.Sid : null;
    return { raw, key: statementKey(raw), sid, index };
  });
}

/** Removes, in place, statements equivalent on both sides (duplicates within a side included: IAM reads them once). */
function dropEquivalent(older: Statement[], newer: Statement[]): void {
  const olderKeys = new Set(older.map((s) => s.key));
  const newerKeys = new Set(newer.map((s) => s.key));
  const keep = (statements: Statement[], other: Set<string>) => {
    const seen = new Set<string>();
    const kept = statements.filter((s) => !other.has(s.key) && !seen.has(s.key) && seen.add(s.key));
    statements.splice(0, statements.length, ...kept);
  };
  keep(older, newerKeys);
  keep(newer, olderKeys);
}

function pairStatements(older: Statement[], newer: Statement[]): Array<[Statement, Statement]> {
  const pairs: Array<[Statement, Statement]> = [];
  const free = new Set(newer);
  const unpaired: Statement[] = [];
  for (const b of older) {
    const match = b.sid === null ? undefined : [...free].find((a) => a.sid === b.sid);
    if (match) {
      pairs.push([b, match]);
      free.delete(match);
    } else unpaired.push(b);
  }
  for (const b of unpaired) {
    let best: { statement: Statement; score: number } | null = null;
    for (const a of free) {
      const score = similarity(b.raw, a.raw);
      if (score >= 0.5 && (!best || score > best.score)) best = { statement: a, score };
    }
    if (best) {
      pairs.push([b, best.statement]);
      free.delete(best.statement);
    }
  }
  return pairs;
}

/** Share of fields (Sid aside) whose values are equivalent. */
function similarity(before: unknown, after: unknown): number {
  if (!isPlainObject(before) || !isPlainObject(after)) return 0;
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => f !== "Sid");
  if (fields.length === 0) return 0;
  const same = fields.filter((f) => statementKey({ [f]: before[f] }) === statementKey({ [f]: after[f] })).length;
  return same / fields.length;
}

function labelOf(statementsPath: string, statement: Statement, other?: Statement): string {
  const sid = statement.sid ?? other?.sid ?? null;
  return sid === null ? indexPath(statementsPath, statement.index) : keyedPath(statementsPath, "Sid", sid);
}

function diffStatement(before: Statement, after: Statement, path: string, out: JsonChange[], depth: number, diffValue: DiffValue) {
  if (!isPlainObject(before.raw) || !isPlainObject(after.raw)) return diffValue(before.raw, after.raw, path, out, depth);
  const b = before.raw;
  const a = after.raw;
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((f) => f !== "Sid").sort(byFieldOrder);
  for (const field of fields) {
    const fieldPath = childPath(path, field);
    if (b[field] === undefined || a[field] === undefined) diffValue(b[field], a[field], fieldPath, out, depth + 1);
    else if (statementKey({ [field]: b[field] }) === statementKey({ [field]: a[field] })) continue;
    else if (!diffStructuredField(field, b[field], a[field], fieldPath, out)) diffValue(b[field], a[field], fieldPath, out, depth + 1);
  }
}

/** Diffs a list, principal or condition field by its IAM meaning; false when the field is none of those or is malformed. */
function diffStructuredField(field: string, before: unknown, after: unknown, path: string, out: JsonChange[]): boolean {
  const listKey = listFieldKeyOf(field);
  if (listKey) {
    const [b, a] = [valueSet(before, listKey), valueSet(after, listKey)];
    if (!b || !a) return false;
    diffSets(b, a, path, out);
    return true;
  }
  if (field === "Principal" || field === "NotPrincipal") {
    const [b, a] = [principalMap(before), principalMap(after)];
    if (!b || !a) return false;
    diffMaps(
      b,
      a,
      path,
      out,
      (bs, as, p) => diffSets(bs, as, p, out),
      (set) => [...set.values()],
    );
    return true;
  }
  if (field === "Condition") {
    const [b, a] = [conditionMap(before), conditionMap(after)];
    if (!b || !a) return false;
    const entryValue = (keys: Map<string, { name: string; values: ValueSet }>) =>
      Object.fromEntries([...keys.values()].map((e) => [e.name, [...e.values.values()]]));
    diffMaps(
      b,
      a,
      path,
      out,
      (bk, ak, operatorPath) => {
        for (const key of [...new Set([...bk.keys(), ...ak.keys()])].sort()) {
          const [be, ae] = [bk.get(key), ak.get(key)];
          const keyPath = childPath(operatorPath, ae?.name ?? be?.name ?? key);
          if (be && ae) diffSets(be.values, ae.values, keyPath, out);
          else if (be) out.push({ path: keyPath, kind: "removed", before: [...be.values.values()] });
          else if (ae) out.push({ path: keyPath, kind: "added", after: [...ae.values.values()] });
        }
      },
      entryValue,
    );
    return true;
  }
  return false;
}

function diffMaps<T>(
  before: Map<string, T>,
  after: Map<string, T>,
  path: string,
  out: JsonChange[],
  diffEntry: (before: T, after: T, path: string) => void,
  display: (value: T) => unknown,
): void {
  for (const name of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const [b, a] = [before.get(name), after.get(name)];
    const entryPath = childPath(path, name);
    if (b !== undefined && a !== undefined) diffEntry(b, a, entryPath);
    else if (b !== undefined) out.push({ path: entryPath, kind: "removed", before: display(b) });
    else if (a !== undefined) out.push({ path: entryPath, kind: "added", after: display(a) });
  }
}

function diffSets(before: ValueSet, after: ValueSet, path: string, out: JsonChange[]): void {
  for (const [key, value] of before) if (!after.has(key)) out.push({ path, kind: "removed", before: value });
  for (const [key, value] of after) if (!before.has(key)) out.push({ path, kind: "added", after: value });
}

function byFieldOrder(a: string, b: string): number {
  const rank = (field: string) => (FIELD_ORDER.includes(field) ? FIELD_ORDER.indexOf(field) : FIELD_ORDER.length);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}
